// Explicit-state search over any Model: breadth-first (shortest counterexamples) or
// depth-first, with every property checked on every stored state and deadlocks detected.
//
// States are stored once, canonically encoded, with a parent link; a violation records only the
// violating state's id, and its trace is rebuilt at the end by re-executing the replay key on
// the model (replay.hpp), so the hot loop never copies traces.
#pragma once

#include <algorithm>
#include <chrono>
#include <deque>
#include <optional>
#include <vector>

#include "checker/model.hpp"
#include "checker/replay.hpp"
#include "checker/result.hpp"
#include "checker/state_store.hpp"

namespace interleave {

namespace detail {

// The replay key of a stored state: walk the parent links back to an initial state.
inline ReplayKey replay_key_of(const StateStore& store, StateStore::Id id) {
  ReplayKey key;
  while (store.parent(id) != StateStore::kNoParent) {
    key.actions.push_back(store.action(id));
    id = store.parent(id);
  }
  key.initial = store.action(id);
  std::reverse(key.actions.begin(), key.actions.end());
  return key;
}

}  // namespace detail

template <Model M>
[[nodiscard]] SearchResult search(const M& model, const SearchOptions& options = {}) {
  using State = typename M::State;
  using Action = typename M::Action;
  using Clock = std::chrono::steady_clock;
  constexpr StateStore::Id kUndecided = StateStore::kNoParent;

  const auto started = Clock::now();
  const auto properties = model.properties();

  SearchResult result;
  result.strategy = options.strategy;
  // Outcome 0 is deadlock freedom; outcome i+1 is properties[i]. `decided_at` is the state that
  // decides each one (violation, or witness for "sometimes").
  result.properties.push_back({std::string(kDeadlockFreedom), PropertyKind::DeadlockFreedom});
  for (const auto& p : properties) result.properties.push_back({p.name, p.kind});
  std::vector<StateStore::Id> decided_at(result.properties.size(), kUndecided);
  // Only the properties named in options.properties are checked (all when it is empty).
  std::vector<bool> checked(result.properties.size());
  for (std::size_t i = 0; i < checked.size(); ++i) {
    const auto& names = options.properties;
    checked[i] = names.empty() ||
                 std::find(names.begin(), names.end(), result.properties[i].name) != names.end();
  }
  std::size_t undecided =
      static_cast<std::size_t>(std::count(checked.begin(), checked.end(), true));

  auto decide = [&](std::size_t outcome, StateStore::Id id) {
    if (!checked[outcome] || decided_at[outcome] != kUndecided) return;
    decided_at[outcome] = id;
    --undecided;
  };
  auto check_state = [&](const State& s, StateStore::Id id) {
    for (std::size_t i = 0; i < properties.size(); ++i) {
      if (!checked[i + 1] || decided_at[i + 1] != kUndecided) continue;
      bool satisfied = properties[i].holds_in(s);
      if (properties[i].kind == PropertyKind::Always ? !satisfied : satisfied) decide(i + 1, id);
    }
  };

  StateStore store;
  Bytes bytes;
  std::deque<StateStore::Id> frontier;  // a queue for BFS, a stack for DFS
  bool depth_cut = false;
  std::optional<StopReason> limit;

  auto initial = model.initial_states();
  for (std::uint32_t i = 0; i < initial.size(); ++i) {
    bytes.clear();
    model.encode(initial[i], bytes);
    auto [id, inserted] = store.insert(bytes, StateStore::kNoParent, i, 0);
    if (!inserted) continue;
    check_state(initial[i], id);
    frontier.push_back(id);
  }

  std::vector<Action> actions;
  std::uint64_t expansions = 0;
  auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - started).count(); };
  auto statistics = [&] {
    result.stats.states = store.size();
    result.stats.seconds = elapsed();
    return result.stats;
  };

  while (!frontier.empty()) {
    if (options.stop_when_decided && undecided == 0) break;
    if ((++expansions & 255) == 0) {
      if (options.time_limit_seconds > 0 && elapsed() >= options.time_limit_seconds) {
        limit = StopReason::TimeLimit;
        break;
      }
      if (options.progress) options.progress->update(statistics(), frontier.size());
    }
    StateStore::Id id;
    if (options.strategy == Strategy::BreadthFirst) {
      id = frontier.front();
      frontier.pop_front();
    } else {
      id = frontier.back();
      frontier.pop_back();
    }
    const State s = model.decode(store.bytes(id));
    const auto depth = store.depth(id);
    model.actions(s, actions);

    bool progress_possible = false;
    for (const auto& a : actions) progress_possible = progress_possible || !model.is_fault(a);
    if (!progress_possible && !model.is_end_state(s)) decide(0, id);

    if (options.max_depth > 0 && depth >= options.max_depth) {
      // The search is cut short only if a successor of this state is a state not yet seen.
      for (std::size_t k = 0; k < actions.size() && !depth_cut; ++k) {
        bytes.clear();
        model.encode(model.next(s, actions[k]), bytes);
        depth_cut = !store.contains(bytes);
      }
      continue;
    }
    for (std::uint32_t k = 0; k < actions.size(); ++k) {
      State t = model.next(s, actions[k]);
      bytes.clear();
      model.encode(t, bytes);
      // A new state beyond --max-states: the search stops with work undone.
      if (options.max_states > 0 && store.size() >= options.max_states && !store.contains(bytes)) {
        limit = StopReason::StateLimit;
        break;
      }
      ++result.stats.transitions;
      auto [child, inserted] = store.insert(bytes, id, k, depth + 1);
      if (!inserted) continue;
      result.stats.max_depth = std::max(result.stats.max_depth, depth + 1);
      check_state(t, child);
      frontier.push_back(child);
    }
    if (limit) break;
  }

  if (limit) {
    result.stop = *limit;
  } else if (!frontier.empty()) {
    result.stop = StopReason::AllDecided;
  } else {
    result.stop = depth_cut ? StopReason::DepthLimit : StopReason::Exhausted;
  }
  const bool complete = result.stop == StopReason::Exhausted;

  for (std::size_t i = 0; i < result.properties.size(); ++i) {
    auto& outcome = result.properties[i];
    bool found = decided_at[i] != kUndecided;
    if (outcome.kind == PropertyKind::Sometimes) {
      outcome.verdict = found ? Verdict::Holds : complete ? Verdict::Violated : Verdict::Incomplete;
    } else {
      outcome.verdict = found ? Verdict::Violated : complete ? Verdict::Holds : Verdict::Incomplete;
    }
    if (found) {
      TraceKind kind = outcome.kind == PropertyKind::Sometimes ? TraceKind::Example
                       : outcome.kind == PropertyKind::DeadlockFreedom
                           ? TraceKind::Deadlock
                           : TraceKind::InvariantViolation;
      outcome.trace =
          build_trace(model, detail::replay_key_of(store, decided_at[i]), outcome.name, kind);
    }
  }
  for (std::size_t i = checked.size(); i-- > 0;) {
    if (!checked[i]) result.properties.erase(result.properties.begin() + static_cast<long>(i));
  }

  statistics();
  result.stats.peak_memory_bytes = peak_memory_bytes();
  result.stats.bytes_per_state =
      store.size() ? static_cast<double>(store.memory_bytes()) / static_cast<double>(store.size())
                   : 0;
  if (options.progress) options.progress->finish();
  return result;
}

}  // namespace interleave
