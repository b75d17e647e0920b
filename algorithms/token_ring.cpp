#include "algorithms/token_ring.hpp"

#include <fmt/format.h>

#include <array>
#include <stdexcept>

namespace interleave {

void TokenRing::Params::validate() const {
  require_in_range("token-ring", "--n", n, 2, 10);
  require_in_range("token-ring", "--requests", requests, 1, kMaxRequests);
}

TokenRing::TokenRing(Params params) : params_(params) {
  params_.validate();
}

TokenRing::Process TokenRing::initial_process(ProcessId p) const {
  Process process;
  process.has_token = p.value() == 0;
  process.requests_left = static_cast<std::uint8_t>(params_.requests);
  return process;
}

std::span<const LocalStep<TokenRing>> TokenRing::local_steps() const {
  static constexpr std::array<LocalStep<TokenRing>, 3> steps{{
      {"RequestCs", &TokenRing::can_request, &TokenRing::request},
      {"PassToken", &TokenRing::can_pass, &TokenRing::pass},
      {"ExitCs", &TokenRing::can_exit, &TokenRing::exit},
  }};
  return steps;
}

void TokenRing::send_to_neighbour(Outbox<Message>& out, Process& p) const {
  p.has_token = false;
  out.send(ProcessId{(out.self().value() + 1) % params_.n}, Token{});
}

// A process that wants the CS waits for the token; if it holds the token already, it enters.
bool TokenRing::can_request(const Process& p) const {
  return p.state == CsState::Released && p.requests_left > 0;
}

void TokenRing::request(Outbox<Message>&, Process& p) const {
  --p.requests_left;
  p.state = p.has_token ? CsState::Held : CsState::Wanted;
}

// If it does not require access to the CS, a process passes the token on to its neighbour.
bool TokenRing::can_pass(const Process& p) const {
  return p.has_token && p.state == CsState::Released;
}

void TokenRing::pass(Outbox<Message>& out, Process& p) const {
  send_to_neighbour(out, p);
}

// On receipt of the token: retain it and enter the CS if waiting for it.
void TokenRing::on_message(Outbox<Message>&, Process& p, ProcessId, const Message&) const {
  p.has_token = true;
  if (p.state == CsState::Wanted) p.state = CsState::Held;
}

// To exit, pass the token to the neighbour.
bool TokenRing::can_exit(const Process& p) const {
  return p.state == CsState::Held;
}

void TokenRing::exit(Outbox<Message>& out, Process& p) const {
  p.state = CsState::Released;
  send_to_neighbour(out, p);
}

}  // namespace interleave
