// Run statistics and the live progress line.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace interleave {

struct Statistics {
  std::uint64_t states = 0;       // distinct states stored
  std::uint64_t transitions = 0;  // successors computed (edges of the state graph)
  std::uint32_t max_depth = 0;    // largest depth of a stored state
  double seconds = 0;
  std::uint64_t peak_memory_bytes = 0;  // the process's peak resident set
  double bytes_per_state = 0;           // store bytes (arena, records, index) per state

  double states_per_second() const {
    return seconds > 0 ? static_cast<double>(states) / seconds : 0;
  }
};

// The process's peak resident set size (VmHWM), or 0 where /proc is not available.
std::uint64_t peak_memory_bytes();

// "states=1234 transitions=5678 depth=9 seconds=0.012 states/s=102833 memory=4.1MiB
// bytes/state=38.5"
std::string format_statistics(const Statistics& stats);

// Writes a progress line to stderr at most every `interval`: rewritten in place on a terminal,
// one plain line each time otherwise (logs, CI).
class ProgressReporter {
 public:
  explicit ProgressReporter(std::chrono::milliseconds interval = std::chrono::milliseconds(1000));
  ~ProgressReporter();
  ProgressReporter(const ProgressReporter&) = delete;
  ProgressReporter& operator=(const ProgressReporter&) = delete;

  // Cheap to call often: looks at the clock and prints only when the interval has passed.
  void update(const Statistics& so_far, std::uint64_t frontier);
  void finish();

 private:
  using Clock = std::chrono::steady_clock;
  std::chrono::milliseconds interval_;
  Clock::time_point next_;
  bool terminal_;
  bool printed_ = false;
};

}  // namespace interleave
