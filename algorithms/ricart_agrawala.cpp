#include "algorithms/ricart_agrawala.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <tuple>

namespace interleave {

void RicartAgrawala::Params::validate() const {
  if (n < 2 || n > 8) {
    throw std::invalid_argument(
        fmt::format("ricart-agrawala: --n must be between 2 and 8, got {}", n));
  }
  if (requests < 1 || requests > 4) {
    throw std::invalid_argument(
        fmt::format("ricart-agrawala: --requests must be between 1 and 4, got {}", requests));
  }
}

RicartAgrawala::RicartAgrawala(Params params) : params_(params) {
  params_.validate();
}

RicartAgrawala::Process RicartAgrawala::initial_process(ProcessId) const {
  // On initialization: state := RELEASED
  Process p;
  p.requests_left = static_cast<std::uint8_t>(params_.requests);
  return p;
}

std::span<const LocalStep<RicartAgrawala>> RicartAgrawala::local_steps() const {
  static constexpr std::array<LocalStep<RicartAgrawala>, 2> steps{{
      {"RequestCs", &RicartAgrawala::can_request, &RicartAgrawala::request},
      {"ExitCs", &RicartAgrawala::can_exit, &RicartAgrawala::exit},
  }};
  return steps;
}

// To enter the section: state := WANTED; multicast request to all processes;
// T := request's timestamp.
bool RicartAgrawala::can_request(const Process& p) const {
  return p.state == CsState::Released && p.requests_left > 0;
}

// (Paper: Our_Sequence_Number := Highest_Sequence_Number + 1.)
void RicartAgrawala::request(Outbox<Message>& out, Process& p) const {
  p.state = CsState::Wanted;
  --p.requests_left;
  p.clock = static_cast<std::uint16_t>(p.clock + 1);
  p.request_clock = p.clock;
  p.replies = 0;
  out.multicast_to_others(Request{p.request_clock});
}

void RicartAgrawala::on_message(Outbox<Message>& out, Process& p, ProcessId from,
                                const Message& m) const {
  if (const auto* r = std::get_if<Request>(&m)) {
    on_request(out, p, from, *r);
  } else {
    on_reply(p);
  }
}

// On receipt of a request <T_i, p_i> at p_j (i != j):
//   if state = HELD or (state = WANTED and (T, p_j) < (T_i, p_i))
//   then queue the request from p_i without replying, else reply immediately to p_i.
void RicartAgrawala::on_request(Outbox<Message>& out, Process& p, ProcessId from,
                                const Request& r) const {
  p.clock = std::max(p.clock, r.clock);  // Highest_Sequence_Number := max(it, T_i)
  auto self = out.self();
  bool mine_first = std::tie(p.request_clock, self) < std::tie(r.clock, from);
  if (p.state == CsState::Held || (p.state == CsState::Wanted && mine_first)) {
    p.deferred.insert(std::upper_bound(p.deferred.begin(), p.deferred.end(), from), from);
  } else {
    out.send(from, Reply{});
  }
}

// Wait until (number of replies received = N - 1); state := HELD.
void RicartAgrawala::on_reply(Process& p) const {
  ++p.replies;
  if (p.state == CsState::Wanted && p.replies == params_.n - 1) p.state = CsState::Held;
}

// To exit the critical section: state := RELEASED; reply to any queued requests.
bool RicartAgrawala::can_exit(const Process& p) const {
  return p.state == CsState::Held;
}

void RicartAgrawala::exit(Outbox<Message>& out, Process& p) const {
  p.state = CsState::Released;
  p.replies = 0;
  for (auto q : p.deferred) out.send(q, Reply{});
  p.deferred.clear();
}

// Replies are counted only for a pending request, never more than N - 1 of them; requests are
// deferred only by a process that wants or holds the CS.
bool RicartAgrawala::well_formed(const Process& p) const {
  if (p.replies > params_.n - 1) return false;
  if (p.state == CsState::Released) return p.replies == 0 && p.deferred.empty();
  return true;
}

}  // namespace interleave
