#include "checker/statistics.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace interleave {

std::uint64_t peak_memory_bytes() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stoull(line.substr(6)) * 1024;
  }
  return 0;
}

std::string format_statistics(const Statistics& s) {
  return fmt::format(
      "states={} transitions={} depth={} seconds={:.3f} states/s={:.0f} memory={:.1f}MiB "
      "bytes/state={:.1f}",
      s.states, s.transitions, s.max_depth, s.seconds, s.states_per_second(),
      static_cast<double>(s.peak_memory_bytes) / (1024.0 * 1024.0), s.bytes_per_state);
}

ProgressReporter::ProgressReporter(std::chrono::milliseconds interval)
    : interval_(interval), next_(Clock::now() + interval), terminal_(isatty(fileno(stderr)) != 0) {}

ProgressReporter::~ProgressReporter() {
  finish();
}

void ProgressReporter::update(const Statistics& s, std::uint64_t frontier) {
  auto now = Clock::now();
  if (now < next_) return;
  next_ = now + interval_;
  auto line = fmt::format(
      "progress states={} transitions={} depth={} frontier={} states/s={:.0f} memory={:.1f}MiB "
      "elapsed={:.1f}s",
      s.states, s.transitions, s.max_depth, frontier, s.states_per_second(),
      static_cast<double>(peak_memory_bytes()) / (1024.0 * 1024.0), s.seconds);
  if (terminal_) {
    fmt::print(stderr, "\r\033[K{}", line);
  } else {
    fmt::print(stderr, "{}\n", line);
  }
  std::fflush(stderr);
  printed_ = true;
}

void ProgressReporter::finish() {
  if (terminal_ && printed_) {
    fmt::print(stderr, "\r\033[K");
    std::fflush(stderr);
  }
  printed_ = false;
}

}  // namespace interleave
