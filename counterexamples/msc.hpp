// The text message sequence chart: one column (lifeline) per process, one row per step, with
// what the step received, sent and changed written in the column of the process concerned.
#pragma once

#include <string>

#include "counterexamples/trace.hpp"

namespace interleave {

std::string render_text_msc(const Trace& trace);

}  // namespace interleave
