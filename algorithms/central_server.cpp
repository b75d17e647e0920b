#include "algorithms/central_server.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace interleave {

void CentralServer::Params::validate() const {
  require_in_range("central-server", "--n (clients)", n, 2, 8);
  require_in_range("central-server", "--requests", requests, 1, kMaxRequests);
}

CentralServer::CentralServer(Params params) : params_(params) {
  params_.validate();
}

std::string CentralServer::process_name(ProcessId p) const {
  return p == server() ? "server" : to_string(p);
}

CentralServer::Process CentralServer::initial_process(ProcessId p) const {
  Process process;
  process.is_server = p == server();
  if (!process.is_server) process.requests_left = static_cast<std::uint8_t>(params_.requests);
  return process;
}

std::span<const LocalStep<CentralServer>> CentralServer::local_steps() const {
  static constexpr std::array<LocalStep<CentralServer>, 2> steps{{
      {"RequestCs", &CentralServer::can_request, &CentralServer::request},
      {"ExitCs", &CentralServer::can_exit, &CentralServer::exit},
  }};
  return steps;
}

// A client that wants the CS sends a request for the token to the server.
bool CentralServer::can_request(const Process& p) const {
  return !p.is_server && p.state == CsState::Released && p.requests_left > 0;
}

void CentralServer::request(Outbox<Message>& out, Process& p) const {
  p.state = CsState::Wanted;
  --p.requests_left;
  out.send(server(), Request{});
}

void CentralServer::on_message(Outbox<Message>& out, Process& p, ProcessId from,
                               const Message& m) const {
  if (std::holds_alternative<Request>(m)) {
    // Server: grant access if the CS is free; otherwise queue the request.
    if (!p.holder) {
      p.holder = from;
      out.send(from, Grant{});
    } else {
      p.queue.push_back(from);
    }
  } else if (std::holds_alternative<Release>(m)) {
    // Server: when the token is released, grant it to the oldest queued request.
    if (p.queue.empty()) {
      p.holder.reset();
    } else {
      p.holder = p.queue.front();
      p.queue.erase(p.queue.begin());
      out.send(*p.holder, Grant{});
    }
  } else {
    // Client: the grant is the token; enter the CS.
    p.state = CsState::Held;
  }
}

// A client leaving the CS releases the token to the server.
bool CentralServer::can_exit(const Process& p) const {
  return p.state == CsState::Held;
}

void CentralServer::exit(Outbox<Message>& out, Process& p) const {
  p.state = CsState::Released;
  out.send(server(), Release{});
}

// The server queues requests only while someone holds the token, and never one client twice (a
// client has one request outstanding at most); clients have no server fields. (The holder's own
// next request may be queued: under a bag network it can overtake the holder's release.)
bool CentralServer::well_formed(const Process& p) {
  if (!p.is_server) return !p.holder && p.queue.empty();
  if (!p.holder) return p.queue.empty();
  auto sorted = p.queue;
  std::sort(sorted.begin(), sorted.end());
  return std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end();
}

}  // namespace interleave
