// What a search returns: a verdict per property, why exploration ended, and statistics.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checker/statistics.hpp"
#include "counterexamples/trace.hpp"
#include "properties/property.hpp"

namespace interleave {

enum class Verdict { Holds, Violated, Incomplete };
std::string_view to_string(Verdict v);

enum class Strategy { BreadthFirst, DepthFirst };
std::string_view to_string(Strategy s);

// Why exploration ended. Only Exhausted (and AllDecided, which needs no more states) can back a
// "holds"; every limit makes undecided properties "incomplete".
enum class StopReason {
  Exhausted,   // every reachable state was explored
  AllDecided,  // every property was decided before the space was exhausted
  StateLimit,  // --max-states
  DepthLimit,  // --max-depth cut off states that had successors
  TimeLimit,   // --time-limit
};
std::string_view to_string(StopReason r);

struct SearchOptions {
  Strategy strategy = Strategy::BreadthFirst;
  std::uint64_t max_states = 0;   // 0: no limit
  std::uint32_t max_depth = 0;    // 0: no limit
  double time_limit_seconds = 0;  // 0: no limit
  bool stop_when_decided = true;
  // The properties to check, by name ("deadlock freedom" included); empty: every property.
  std::vector<std::string> properties;
  ProgressReporter* progress = nullptr;
};

inline constexpr std::string_view kDeadlockFreedom = "deadlock freedom";

struct PropertyOutcome {
  std::string name;
  PropertyKind kind = PropertyKind::Always;
  Verdict verdict = Verdict::Incomplete;
  std::optional<Trace> trace;  // the counterexample (or, for "sometimes", the witness)
};

struct SearchResult {
  std::vector<PropertyOutcome> properties;  // deadlock freedom first, then the model's
  StopReason stop = StopReason::Exhausted;
  Strategy strategy = Strategy::BreadthFirst;
  Statistics stats;

  // Violated if any property is; otherwise incomplete if any is; otherwise holds.
  Verdict overall() const;
  const PropertyOutcome* find(std::string_view name) const;
  // The first violated property, in report order.
  const PropertyOutcome* first_violation() const;
};

// 0 holds, 1 violated, 3 incomplete (2, bad input, is the CLI's).
int exit_code(Verdict v);

}  // namespace interleave
