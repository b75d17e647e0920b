// Mutual exclusion on a token ring (lecture slides 37-40; Coulouris, Dollimore and Kindberg,
// "Distributed Systems", section 15.2).
//
// Processes form a logical ring p1 -> p2 -> ... -> pN -> p1 and pass one token around it, in one
// direction, for ever. A process that does not want the CS passes the token on; one that wants
// it waits for the token and keeps it while in the CS; leaving, it passes the token on.
//
// Abstractions and bounds: each process requests the CS at most `requests` times; the token
// keeps circulating after every request has been served, so the state graph has cycles and no
// end state. Initially p1 holds the token.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <variant>
#include <vector>

#include "models/async_system.hpp"
#include "models/parameters.hpp"
#include "properties/mutual_exclusion.hpp"

namespace interleave {

class TokenRing : public OrdersCsRequests {
 public:
  struct Params {
    int n = 3;         // processes on the ring
    int requests = 1;  // CS requests per process
    void validate() const;
  };

  // -- Messages ------------------------------------------------------------------------------
  struct Token {
    static constexpr std::string_view label = "token";
    auto operator<=>(const Token&) const = default;
    INTERLEAVE_NO_FIELDS
  };
  using Message = std::variant<Token>;

  // -- Process state -------------------------------------------------------------------------
  struct Process {
    CsState state = CsState::Released;
    bool has_token = false;
    std::uint8_t requests_left = 0;

    auto operator<=>(const Process&) const = default;
    INTERLEAVE_FIELDS(state, has_token, requests_left)
  };

  explicit TokenRing(Params params);

  int process_count() const { return params_.n; }
  const Params& params() const { return params_; }
  Process initial_process(ProcessId p) const;
  std::span<const LocalStep<TokenRing>> local_steps() const;
  // The token never stops, so no state is an end state; a process has done its part when it has
  // no request left and is not in the CS.
  bool is_done(const Process& p) const {
    return p.state == CsState::Released && p.requests_left == 0;
  }

  // -- Rules (slide 38) ----------------------------------------------------------------------
  bool can_request(const Process& p) const;
  void request(Outbox<Message>& out, Process& p) const;
  bool can_pass(const Process& p) const;
  void pass(Outbox<Message>& out, Process& p) const;
  void on_message(Outbox<Message>& out, Process& p, ProcessId from, const Message& m) const;
  bool can_exit(const Process& p) const;
  void exit(Outbox<Message>& out, Process& p) const;

  // -- Properties ----------------------------------------------------------------------------
  // Exactly one token, held by a live process or in flight; a crash may lose it (it dies with
  // its holder, or is sent to a dead process) but never duplicates it.
  template <class State>
  static bool one_token(const State& s) {
    auto tokens = s.count_live([](const Process& p) { return p.has_token; }) +
                  static_cast<int>(s.network.size());
    return tokens == 1 || (tokens == 0 && s.crash_count() > 0);
  }

  template <class State>
  std::vector<Property<State>> properties() const {
    return {
        Property<State>::always("well-formed",
                                [](const State& s) {
                                  return one_token(s) && s.count_live([](const Process& p) {
                                    return p.state == CsState::Held && !p.has_token;
                                  }) == 0;
                                }),
        mutual_exclusion<State>(),
        some_process_enters_cs<State>(),
    };
  }

 private:
  void send_to_neighbour(Outbox<Message>& out, Process& p) const;

  Params params_;
};

}  // namespace interleave
