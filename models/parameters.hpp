// Checks shared by every algorithm's Params::validate() (TLA+'s ASSUME): one-line messages that
// name the algorithm, the flag and the allowed range.
#pragma once

#include <fmt/format.h>

#include <stdexcept>
#include <string_view>

namespace interleave {

// Throws std::invalid_argument("maekawa: --n must be between 2 and 16, got 40").
inline void require_in_range(std::string_view algorithm, std::string_view flag, int value, int min,
                             int max) {
  if (value < min || value > max) {
    throw std::invalid_argument(
        fmt::format("{}: {} must be between {} and {}, got {}", algorithm, flag, min, max, value));
  }
}

// How often a process may request the CS: the bound that keeps state spaces finite.
inline constexpr int kMaxRequests = 4;

}  // namespace interleave
