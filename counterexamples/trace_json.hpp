// Trace files: JSON that records the run (algorithm, variant, parameters, semantics), the
// replay key and every step, so `interleave replay` can re-execute it on a rebuilt model.
#pragma once

#include <nlohmann/json.hpp>

#include "counterexamples/trace.hpp"

namespace interleave {

inline constexpr int kTraceFormatVersion = 1;

nlohmann::json to_json(const Trace& trace);
nlohmann::json to_json(const RunDescription& run);
nlohmann::json trace_file_json(const Trace& trace, const RunDescription& run);

}  // namespace interleave
