// Mutual exclusion by a central server (lecture slides 33-36; Coulouris, Dollimore and
// Kindberg, "Distributed Systems", section 15.2).
//
// A single server implements an imaginary token: a client that wants the critical section sends
// the server a request; the server grants at once if the CS is free and queues the request
// otherwise; a client leaving the CS sends a release, and the server grants the oldest queued
// request. Three messages per entry (request, grant, release).
//
// Processes: clients p1..pN (N = --n) and the server, the last process. Each client requests
// the CS at most `requests` times; the CS is one step in (on the grant) and one out.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "models/async_system.hpp"
#include "models/parameters.hpp"
#include "properties/mutual_exclusion.hpp"

namespace interleave {

class CentralServer : public OrdersCsRequests {
 public:
  struct Params {
    int n = 3;         // clients; the server is one more process
    int requests = 1;  // CS requests per client
    void validate() const;
  };

  // -- Messages ------------------------------------------------------------------------------
  struct Request {
    static constexpr std::string_view label = "request";
    auto operator<=>(const Request&) const = default;
    INTERLEAVE_NO_FIELDS
  };
  struct Grant {
    static constexpr std::string_view label = "grant";
    auto operator<=>(const Grant&) const = default;
    INTERLEAVE_NO_FIELDS
  };
  struct Release {
    static constexpr std::string_view label = "release";
    auto operator<=>(const Release&) const = default;
    INTERLEAVE_NO_FIELDS
  };
  using Message = std::variant<Request, Grant, Release>;

  // -- Process state -------------------------------------------------------------------------
  struct Process {
    bool is_server = false;
    // as a client
    CsState state = CsState::Released;
    std::uint8_t requests_left = 0;
    // as the server: who holds the token, and the requests waiting for it, oldest first
    std::optional<ProcessId> holder;
    std::vector<ProcessId> queue;

    auto operator<=>(const Process&) const = default;
    INTERLEAVE_FIELDS(is_server, state, requests_left, holder, queue)
  };

  explicit CentralServer(Params params);

  int process_count() const { return params_.n + 1; }
  ProcessId server() const { return ProcessId{params_.n}; }
  std::string process_name(ProcessId p) const;
  const Params& params() const { return params_; }
  Process initial_process(ProcessId p) const;
  std::span<const LocalStep<CentralServer>> local_steps() const;
  bool is_done(const Process& p) const {
    return p.is_server || (p.state == CsState::Released && p.requests_left == 0);
  }

  // -- Rules (slide 34) ----------------------------------------------------------------------
  bool can_request(const Process& p) const;
  void request(Outbox<Message>& out, Process& p) const;
  void on_message(Outbox<Message>& out, Process& p, ProcessId from, const Message& m) const;
  bool can_exit(const Process& p) const;
  void exit(Outbox<Message>& out, Process& p) const;

  // -- Properties ----------------------------------------------------------------------------
  static bool well_formed(const Process& p);

  template <class State>
  std::vector<Property<State>> properties() const {
    return {
        Property<State>::always("well-formed",
                                [](const State& s) {
                                  return s.count_live(
                                             [](const Process& p) { return !well_formed(p); }) == 0;
                                }),
        mutual_exclusion<State>(),
        some_process_enters_cs<State>(),
    };
  }

 private:
  Params params_;
};

}  // namespace interleave
