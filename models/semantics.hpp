// The asynchronous system model's named options. The verdict depends on them, so every run
// header prints them (describe()), and trace files record them for replay.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace interleave {

enum class NetworkKind {
  Bag,   // reliable, unordered: any message in flight may be received next
  Fifo,  // reliable, FIFO per ordered pair of processes
};

std::string_view to_string(NetworkKind kind);
std::optional<NetworkKind> parse_network_kind(std::string_view text);

struct AsyncSemantics {
  NetworkKind network = NetworkKind::Bag;
  // Crash-stop faults: up to this many processes crash, at any point, including in the middle
  // of a multicast (after some of its sends and before the rest).
  int max_crashes = 0;
  // Ghost state for the ordering property: which requests happened-before which (lecture slide
  // 30's relation), kept beside the processes and on messages. Off unless ordering is checked,
  // because it splits states that are otherwise equal.
  bool track_causality = false;

  // "network=bag (reliable, unordered), crashes=0"
  std::string describe() const;
};

}  // namespace interleave
