#include "checker/result.hpp"

namespace interleave {

std::string_view to_string(Verdict v) {
  switch (v) {
    case Verdict::Holds:
      return "holds";
    case Verdict::Violated:
      return "violated";
    case Verdict::Incomplete:
      return "incomplete";
  }
  return "?";
}

std::string_view to_string(Strategy s) {
  return s == Strategy::BreadthFirst ? "bfs" : "dfs";
}

std::string_view to_string(StopReason r) {
  switch (r) {
    case StopReason::Exhausted:
      return "state space exhausted";
    case StopReason::AllDecided:
      return "every property decided";
    case StopReason::StateLimit:
      return "state limit reached (--max-states)";
    case StopReason::DepthLimit:
      return "depth limit reached (--max-depth)";
    case StopReason::TimeLimit:
      return "time limit reached (--time-limit)";
  }
  return "?";
}

Verdict SearchResult::overall() const {
  bool incomplete = false;
  for (const auto& p : properties) {
    if (p.verdict == Verdict::Violated) return Verdict::Violated;
    if (p.verdict == Verdict::Incomplete) incomplete = true;
  }
  return incomplete ? Verdict::Incomplete : Verdict::Holds;
}

const PropertyOutcome* SearchResult::find(std::string_view name) const {
  for (const auto& p : properties) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

const PropertyOutcome* SearchResult::first_violation() const {
  for (const auto& p : properties) {
    if (p.verdict == Verdict::Violated) return &p;
  }
  return nullptr;
}

int exit_code(Verdict v) {
  switch (v) {
    case Verdict::Holds:
      return 0;
    case Verdict::Violated:
      return 1;
    case Verdict::Incomplete:
      return 3;
  }
  return 3;
}

}  // namespace interleave
