#include "models/semantics.hpp"

#include <fmt/format.h>

namespace interleave {

std::string_view to_string(NetworkKind kind) {
  switch (kind) {
    case NetworkKind::Bag:
      return "bag";
    case NetworkKind::Fifo:
      return "fifo";
  }
  return "?";
}

std::optional<NetworkKind> parse_network_kind(std::string_view text) {
  if (text == "bag") return NetworkKind::Bag;
  if (text == "fifo") return NetworkKind::Fifo;
  return std::nullopt;
}

std::string AsyncSemantics::describe() const {
  auto network_text = network == NetworkKind::Bag ? "bag (reliable, unordered)"
                                                  : "fifo (reliable, FIFO per ordered pair)";
  auto crash_text =
      max_crashes == 0
          ? std::string("none")
          : fmt::format("crash-stop, at most {}, at any point incl. mid-multicast", max_crashes);
  return fmt::format("asynchronous, network={}, crashes={}{}", network_text, crash_text,
                     track_causality ? ", happened-before tracked (ghost state)" : "");
}

}  // namespace interleave
