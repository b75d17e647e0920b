// Re-executing a replay key on a model: how engines turn a stored state into a Trace, and how a
// saved trace is checked against the model it claims to come from.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "checker/model.hpp"
#include "counterexamples/trace.hpp"

namespace interleave {

// Thrown when a replay key does not fit the model: an index past the enabled actions.
struct ReplayError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

template <Model M>
Trace build_trace(const M& model, const ReplayKey& key, std::string property, TraceKind kind) {
  Trace trace;
  trace.property = std::move(property);
  trace.kind = kind;
  trace.processes = model.process_names();
  trace.initial_index = key.initial;
  auto initial = model.initial_states();
  if (key.initial >= initial.size()) {
    throw ReplayError(fmt::format("initial state {} does not exist (the model has {})", key.initial,
                                  initial.size()));
  }
  auto s = initial[key.initial];
  trace.initial = model.record_state(s);
  std::vector<typename M::Action> actions;
  for (std::size_t step = 0; step < key.actions.size(); ++step) {
    model.actions(s, actions);
    auto k = key.actions[step];
    if (k >= actions.size()) {
      throw ReplayError(fmt::format("step {}: action {} is not enabled (only {} actions are)",
                                    step + 1, k, actions.size()));
    }
    auto t = model.next(s, actions[k]);
    trace.steps.push_back({k, model.record_step(s, actions[k], t), model.record_state(t)});
    s = std::move(t);
  }
  return trace;
}

}  // namespace interleave
