// The command line: parses arguments with CLI11, runs a command, returns the exit code
// (0 holds, 1 violated, 2 bad input, 3 incomplete).
#pragma once

namespace interleave {

int run_cli(int argc, const char* const* argv);

}  // namespace interleave
