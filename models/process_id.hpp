// Process identities: p1..pN in the lecture's numbering, stored 0-based.
#pragma once

#include <compare>
#include <cstdint>
#include <string>

#include "models/fields.hpp"

namespace interleave {

// The largest N any system model supports: crash sets are 32-bit masks and charts stay readable.
inline constexpr int kMaxProcesses = 16;

struct ProcessId {
  std::uint8_t index = 0;

  constexpr ProcessId() = default;
  constexpr explicit ProcessId(int i) : index(static_cast<std::uint8_t>(i)) {}
  constexpr int value() const { return index; }
  auto operator<=>(const ProcessId&) const = default;
  INTERLEAVE_FIELDS(index)
};

inline std::string to_string(ProcessId p) {
  return "p" + std::to_string(p.index + 1);
}

}  // namespace interleave
