#include "counterexamples/trace.hpp"

namespace interleave {

std::string_view to_string(TraceKind kind) {
  switch (kind) {
    case TraceKind::InvariantViolation:
      return "invariant violation";
    case TraceKind::Deadlock:
      return "deadlock";
    case TraceKind::Example:
      return "example";
  }
  return "?";
}

ReplayKey Trace::replay_key() const {
  ReplayKey key{initial_index, {}};
  for (const auto& s : steps) key.actions.push_back(s.action_index);
  return key;
}

}  // namespace interleave
