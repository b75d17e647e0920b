// The mutual exclusion problem (lecture slide 27), written once over a projection that every
// mutual exclusion algorithm provides: the CS state of each process.
//
// Each algorithm's process state has a field `state` of type CsState, the lecture's
// RELEASED / WANTED / HELD; the system state offers count_live(predicate) over live processes.
#pragma once

#include <string_view>

#include "properties/property.hpp"

namespace interleave {

enum class CsState : unsigned char { Released, Wanted, Held };

inline std::string_view to_string(CsState s) {
  switch (s) {
    case CsState::Released:
      return "RELEASED";
    case CsState::Wanted:
      return "WANTED";
    case CsState::Held:
      return "HELD";
  }
  return "?";
}

inline constexpr auto holds_cs = [](const auto& process) { return process.state == CsState::Held; };

// Safety: at most one process is in the critical section at the same time.
template <class State>
Property<State> mutual_exclusion() {
  return Property<State>::always("mutual exclusion",
                                 [](const State& s) { return s.count_live(holds_cs) <= 1; });
}

// Ordering (slide 27): requests are served in happened-before order. Violated when a process
// holds the CS while another still waits with a request that happened-before the holder's.
// Needs the system's happened-before ghost state (`precedes`, see AsyncState).
template <class State>
Property<State> causal_ordering() {
  return Property<State>::always("ordering", [](const State& s) {
    for (std::size_t j = 0; j < s.processes.size(); ++j) {
      if (s.is_crashed(static_cast<int>(j)) || s.processes[j].state != CsState::Held) continue;
      for (std::size_t i = 0; i < s.processes.size(); ++i) {
        bool waiting =
            !s.is_crashed(static_cast<int>(i)) && s.processes[i].state == CsState::Wanted;
        if (waiting && ((s.precedes[i] >> j) & 1u)) return false;
      }
    }
    return true;
  });
}

// What a mutual exclusion algorithm inherits for the ordering property: a request is
// outstanding from the moment a process leaves RELEASED until it is RELEASED again (the system
// model records the request event), and the property itself.
struct OrdersCsRequests {
  template <class Process>
  static bool has_request(const Process& p) {
    return p.state != CsState::Released;
  }
  template <class State>
  static Property<State> ordering() {
    return causal_ordering<State>();
  }
};

// A model in which nobody ever enters the CS satisfies every safety property vacuously; this
// property makes such a model fail loudly.
template <class State>
Property<State> some_process_enters_cs() {
  return Property<State>::sometimes("some process enters the CS",
                                    [](const State& s) { return s.count_live(holds_cs) >= 1; });
}

}  // namespace interleave
