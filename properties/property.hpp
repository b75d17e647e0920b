// A property is a name, a kind and a predicate on states (Stateright's `Property`).
//
// The name is the lecture's English phrase ("mutual exclusion"); it is the key in reports,
// tests and trace files. Deadlock freedom is not listed here: every engine checks it on every
// state, against the model's own notion of a proper end state.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>

namespace interleave {

enum class PropertyKind {
  Always,           // an invariant: holds in every reachable state; violated by a reachable state
  Sometimes,        // reachability ("cover"): holds when some reachable state satisfies it
  DeadlockFreedom,  // checked by the engines themselves; such a property has no predicate
};

inline std::string_view to_string(PropertyKind kind) {
  switch (kind) {
    case PropertyKind::Always:
      return "always";
    case PropertyKind::Sometimes:
      return "sometimes";
    case PropertyKind::DeadlockFreedom:
      return "deadlock freedom";
  }
  return "?";
}

// The command-line name of a property: "mutual exclusion" -> "mutual-exclusion".
inline std::string property_slug(std::string_view name) {
  std::string slug(name);
  for (auto& c : slug) {
    if (c == ' ') c = '-';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return slug;
}

template <class State>
struct Property {
  std::string name;
  PropertyKind kind = PropertyKind::Always;
  std::function<bool(const State&)> holds_in;

  static Property always(std::string name, std::function<bool(const State&)> predicate) {
    return {std::move(name), PropertyKind::Always, std::move(predicate)};
  }
  static Property sometimes(std::string name, std::function<bool(const State&)> predicate) {
    return {std::move(name), PropertyKind::Sometimes, std::move(predicate)};
  }
};

}  // namespace interleave
