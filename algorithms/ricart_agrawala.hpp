// Ricart-Agrawala: multicast mutual exclusion with Lamport clocks.
//
// Lecture slides 41-44; G. Ricart and A. K. Agrawala, "An optimal algorithm for mutual
// exclusion in computer networks", CACM 24(1), 1981.
//
// A process that wants the critical section multicasts a request stamped with its Lamport
// clock and enters once all N-1 others have replied. A process replies at once unless it holds
// the CS or wants it with an earlier request (timestamp, then process id, breaks ties); such
// requests are deferred and answered on exit. Two processes can never both have replied to each
// other, which is the safety argument of slide 44.
//
// Abstractions and bounds: the critical section itself is one local step in, one out; each
// process requests the CS at most `requests` times, so the state space is finite.
//
// Clocks, two ways (the ordering of slides 26 and 44 depends on which):
// - `original`, the paper's sequence numbers: a request is stamped highest-seen + 1, a received
//   request raises highest-seen to max(own, received), replies carry no timestamp. Only
//   requests are numbered, so happened-before that passes through a reply is not seen: a
//   process that learnt of another's request only through a reply may still stamp its own
//   request lower.
// - `lamport-clocks`, slide 31 applied to every message: each event ticks the clock, every
//   message carries it, a receipt sets clock := max(own, received) + 1. Requests are then
//   stamped in happened-before order, at the price of many more states (N=3: 28,582 instead of
//   2,879; N=4: more than 134 million, unfinished after 10 minutes, instead of 2,084,955).
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

class RicartAgrawala : public OrdersCsRequests {
 public:
  // How clocks advance (see the header comment).
  enum class ClockRule { SequenceNumbers, Lamport };

  struct Params {
    int n = 3;         // processes
    int requests = 1;  // CS requests per process
    ClockRule clocks = ClockRule::SequenceNumbers;
    void validate() const;
  };

  // -- Messages ------------------------------------------------------------------------------
  struct Request {
    static constexpr std::string_view label = "request";
    std::uint16_t clock = 0;  // T_i, the Lamport timestamp of the request; p_i is the sender
    auto operator<=>(const Request&) const = default;
    INTERLEAVE_FIELDS(clock)
  };
  struct Reply {
    static constexpr std::string_view label = "reply";
    std::uint16_t clock = 0;  // the sender's clock; always 0 with sequence numbers
    auto operator<=>(const Reply&) const = default;
    INTERLEAVE_FIELDS(clock)
  };
  using Message = std::variant<Request, Reply>;

  // -- Process state -------------------------------------------------------------------------
  struct Process {
    CsState state = CsState::Released;
    std::uint16_t clock = 0;          // Lamport clock (sequence numbers: the highest seen)
    std::uint16_t request_clock = 0;  // T, the timestamp of this process's pending request
    std::uint8_t replies = 0;         // replies received for the pending request
    std::vector<ProcessId> deferred;  // requests queued without replying (kept sorted)
    std::uint8_t requests_left = 0;   // bound on CS requests still to make

    auto operator<=>(const Process&) const = default;
    INTERLEAVE_FIELDS(state, clock, request_clock, replies, deferred, requests_left)
  };

  explicit RicartAgrawala(Params params);

  int process_count() const { return params_.n; }
  const Params& params() const { return params_; }
  Process initial_process(ProcessId p) const;
  std::span<const LocalStep<RicartAgrawala>> local_steps() const;
  bool is_done(const Process& p) const {
    return p.state == CsState::Released && p.requests_left == 0;
  }

  // -- Rules (slide 42) ----------------------------------------------------------------------
  bool can_request(const Process& p) const;
  void request(Outbox<Message>& out, Process& p) const;
  void on_message(Outbox<Message>& out, Process& p, ProcessId from, const Message& m) const;
  bool can_exit(const Process& p) const;
  void exit(Outbox<Message>& out, Process& p) const;

  // -- Properties ----------------------------------------------------------------------------
  bool well_formed(const Process& p) const;

  template <class State>
  std::vector<Property<State>> properties() const {
    return {
        Property<State>::always("well-formed",
                                [self = *this](const State& s) {
                                  return s.count_live([&](const Process& p) {
                                    return !self.well_formed(p);
                                  }) == 0;
                                }),
        mutual_exclusion<State>(),
        some_process_enters_cs<State>(),
    };
  }

 private:
  void on_request(Outbox<Message>& out, Process& p, ProcessId from, const Request& r) const;
  void on_reply(Process& p, const Reply& r) const;
  void tick(Process& p) const;
  void receive_timestamp(Process& p, std::uint16_t received) const;
  Reply reply_from(const Process& p) const;

  Params params_;
};

}  // namespace interleave
