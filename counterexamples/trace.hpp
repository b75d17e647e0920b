// A counterexample (or a witness): one value that every renderer, the JSON writer and replay
// share. Built by an engine from a replay key, by re-executing it on the model.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "models/step_record.hpp"

namespace interleave {

enum class TraceKind {
  InvariantViolation,  // a reachable state breaks an "always" property
  Deadlock,            // a reachable state with no step, which is not a proper end state
  Example,             // a witness for a "sometimes" property
};

std::string_view to_string(TraceKind kind);

// What re-executes a trace: the initial state's index and, for each step, the action's index
// in the list of actions enabled in the state before it.
struct ReplayKey {
  std::uint32_t initial = 0;
  std::vector<std::uint32_t> actions;
  bool operator==(const ReplayKey&) const = default;
};

struct TraceStep {
  std::uint32_t action_index = 0;
  StepRecord step;
  StateRecord state;  // the state after the step
};

struct Trace {
  std::string property;
  TraceKind kind = TraceKind::InvariantViolation;
  std::vector<std::string> processes;  // lifeline names
  std::uint32_t initial_index = 0;
  StateRecord initial;
  std::vector<TraceStep> steps;

  std::size_t length() const { return steps.size(); }
  ReplayKey replay_key() const;
};

// The run a trace came from: enough to rebuild the model and replay it.
struct RunDescription {
  std::string algorithm;
  std::string variant;
  std::vector<std::pair<std::string, std::string>> parameters;  // e.g. {"n", "3"}
  std::vector<std::pair<std::string, std::string>> semantics;   // e.g. {"network", "bag"}
  std::string semantics_text;                                   // the run header's line
};

}  // namespace interleave
