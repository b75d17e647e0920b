// Maekawa's voting algorithm for mutual exclusion, and the lecture's "optimised" variant.
//
// Lecture slides 46-53; M. Maekawa, "A sqrt(N) algorithm for mutual exclusion in decentralized
// systems", ACM TOCS 3(2), 1985 (the version on the slides, from Coulouris, Dollimore and
// Kindberg, has no deadlock handling).
//
// Each process p_i has a voting set V_i; any two voting sets intersect. To enter the CS, p_i
// collects a vote from every member of V_i; a voter gives its single vote to one requester at a
// time and queues the others until the holder releases. Because V_i and V_j share a member, two
// processes cannot both hold all their votes: that is the safety argument of slide 50. With the
// cyclic sets V1={p1,p2}, V2={p2,p3}, V3={p3,p1}, three concurrent requests can leave every
// voter committed to a different requester: the deadlock of slide 49.
//
// Variant `optimised` (slides 52-53): a process asks only V_i - {p_i} and does not vote for
// itself. The tool decides whether mutual exclusion survives the "optimisation".
//
// Abstractions and bounds: as for Ricart-Agrawala, the CS is one step in and one out, and each
// process requests it at most `requests` times. Slide 47 never sets state := WANTED; this model
// does (as slide 52 and the textbook do). The voting rules never test for WANTED, only for HELD;
// the model's own bookkeeping does (a process requests again only from RELEASED).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "models/async_system.hpp"
#include "models/parameters.hpp"
#include "properties/mutual_exclusion.hpp"

namespace interleave {

using VotingSets = std::vector<std::vector<ProcessId>>;

// "1,2;2,3;3,1" -> V1={p1,p2}, V2={p2,p3}, V3={p3,p1}. Throws std::invalid_argument on text
// that is not a list of process numbers; validation against N happens in Maekawa::Params.
VotingSets parse_voting_sets(std::string_view text);
std::string format_voting_sets(const VotingSets& sets);

// The default sets: for N=3 the lecture's cycle; for N=7 the Fano plane (K=3, the projective
// plane of order 2 that Maekawa's construction uses); otherwise Maekawa's grid: processes laid out
// row by row in a grid ceil(sqrt(N)) wide, V_i = p_i's row and column (|V_i| about 2 sqrt(N)-1).
// Any two sets meet where one's row crosses the other's column.
VotingSets default_voting_sets(int n);

class Maekawa : public OrdersCsRequests {
 public:
  enum class Variant { Original, Optimised };

  struct Params {
    int n = 3;
    VotingSets voting_sets;  // empty: default_voting_sets(n)
    int requests = 1;
    Variant variant = Variant::Original;
    void validate() const;
  };

  // -- Messages ------------------------------------------------------------------------------
  struct Request {
    static constexpr std::string_view label = "request";
    auto operator<=>(const Request&) const = default;
    INTERLEAVE_NO_FIELDS
  };
  struct Reply {
    static constexpr std::string_view label = "reply";
    auto operator<=>(const Reply&) const = default;
    INTERLEAVE_NO_FIELDS
  };
  struct Release {
    static constexpr std::string_view label = "release";
    auto operator<=>(const Release&) const = default;
    INTERLEAVE_NO_FIELDS
  };
  using Message = std::variant<Request, Reply, Release>;

  // -- Process state -------------------------------------------------------------------------
  struct Process {
    // as a requester
    CsState state = CsState::Released;
    std::uint8_t replies = 0;  // votes received for the pending request
    // as a voter
    bool voted = false;
    std::vector<ProcessId> queue;  // requests waiting for this voter's vote, oldest first
    // bound
    std::uint8_t requests_left = 0;

    auto operator<=>(const Process&) const = default;
    INTERLEAVE_FIELDS(state, replies, voted, queue, requests_left)
  };

  explicit Maekawa(Params params);

  int process_count() const { return params_.n; }
  const Params& params() const { return params_; }
  Process initial_process(ProcessId p) const;
  std::span<const LocalStep<Maekawa>> local_steps() const;
  bool is_done(const Process& p) const {
    return p.state == CsState::Released && p.requests_left == 0;
  }

  // -- Rules (slides 47-48; 52-53 for the optimised variant) ----------------------------------
  bool can_request(const Process& p) const;
  void request(Outbox<Message>& out, Process& p) const;
  void on_message(Outbox<Message>& out, Process& p, ProcessId from, const Message& m) const;
  bool can_exit(const Process& p) const;
  void exit(Outbox<Message>& out, Process& p) const;

  // -- Properties ----------------------------------------------------------------------------
  bool well_formed(ProcessId self, const Process& p) const;

  template <class State>
  std::vector<Property<State>> properties() const {
    return {
        Property<State>::always("well-formed",
                                [self = *this](const State& s) {
                                  for (std::size_t i = 0; i < s.processes.size(); ++i) {
                                    if (s.is_crashed(static_cast<int>(i))) continue;
                                    if (!self.well_formed(ProcessId{static_cast<int>(i)},
                                                          s.processes[i]))
                                      return false;
                                  }
                                  return true;
                                }),
        mutual_exclusion<State>(),
        some_process_enters_cs<State>(),
    };
  }

 private:
  // The processes p_i asks for votes: V_i, or V_i - {p_i} when optimised.
  const std::vector<ProcessId>& voters_of(ProcessId p) const { return voters_[p.value()]; }
  void on_request(Outbox<Message>& out, Process& p, ProcessId from) const;
  void on_reply(ProcessId self, Process& p) const;
  void on_release(Outbox<Message>& out, Process& p) const;

  Params params_;
  std::vector<std::vector<ProcessId>> voters_;
};

std::string_view to_string(Maekawa::Variant v);

}  // namespace interleave
