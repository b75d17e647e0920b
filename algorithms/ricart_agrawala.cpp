#include "algorithms/ricart_agrawala.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <tuple>

namespace interleave {

void RicartAgrawala::Params::validate() const {
  require_in_range("ricart-agrawala", "--n", n, 2, 8);
  require_in_range("ricart-agrawala", "--requests", requests, 1, kMaxRequests);
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

void RicartAgrawala::request(Outbox<Message>& out, Process& p) const {
  p.state = CsState::Wanted;
  --p.requests_left;
  tick(p);
  p.request_clock = p.clock;
  p.replies = 0;
  out.multicast_to_others(Request{p.request_clock});
}

void RicartAgrawala::on_message(Outbox<Message>& out, Process& p, ProcessId from,
                                const Message& m) const {
  if (const auto* r = std::get_if<Request>(&m)) {
    on_request(out, p, from, *r);
  } else {
    on_reply(p, std::get<Reply>(m));
  }
}

// On receipt of a request <T_i, p_i> at p_j (i != j):
//   if state = HELD or (state = WANTED and (T, p_j) < (T_i, p_i))
//   then queue the request from p_i without replying, else reply immediately to p_i.
void RicartAgrawala::on_request(Outbox<Message>& out, Process& p, ProcessId from,
                                const Request& r) const {
  receive_timestamp(p, r.clock);
  auto self = out.self();
  bool mine_first = std::tie(p.request_clock, self) < std::tie(r.clock, from);
  if (p.state == CsState::Held || (p.state == CsState::Wanted && mine_first)) {
    p.deferred.insert(std::upper_bound(p.deferred.begin(), p.deferred.end(), from), from);
  } else {
    out.send(from, reply_from(p));
  }
}

// Wait until (number of replies received = N - 1); state := HELD.
void RicartAgrawala::on_reply(Process& p, const Reply& r) const {
  if (params_.clocks == ClockRule::Lamport) receive_timestamp(p, r.clock);
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
  if (params_.clocks == ClockRule::Lamport) tick(p);
  for (auto q : p.deferred) out.send(q, reply_from(p));
  p.deferred.clear();
}

// Lamport (slide 31): a process numbers its events; a request is such an event.
// Sequence numbers: Our_Sequence_Number := Highest_Sequence_Number + 1.
void RicartAgrawala::tick(Process& p) const {
  p.clock = static_cast<std::uint16_t>(p.clock + 1);
}

// Lamport (slide 31): on receipt, clock := max(own, received) + 1.
// Sequence numbers: Highest_Sequence_Number := max(Highest_Sequence_Number, received).
void RicartAgrawala::receive_timestamp(Process& p, std::uint16_t received) const {
  p.clock = std::max(p.clock, received);
  if (params_.clocks == ClockRule::Lamport) tick(p);
}

// Lamport: every message carries the sender's clock. Sequence numbers: replies carry nothing.
RicartAgrawala::Reply RicartAgrawala::reply_from(const Process& p) const {
  return Reply{params_.clocks == ClockRule::Lamport ? p.clock : std::uint16_t{0}};
}

// Replies are counted only for a pending request, never more than N - 1 of them; requests are
// deferred only by a process that wants or holds the CS.
bool RicartAgrawala::well_formed(const Process& p) const {
  if (p.replies > params_.n - 1) return false;
  if (p.state == CsState::Released) return p.replies == 0 && p.deferred.empty();
  return true;
}

}  // namespace interleave
