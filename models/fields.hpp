// Field reflection for the small value types that make up states and messages.
//
// A struct lists its fields once with INTERLEAVE_FIELDS(a, b, c); from that one list the
// library derives the canonical byte encoding (codec.hpp), the text form used in traces
// (text.hpp) and field-by-field diffs in message sequence charts. Algorithms therefore never
// write serialisation or printing code, and a new field cannot be forgotten by one of them.
#pragma once

#include <string_view>
#include <vector>

namespace interleave {

// Declares the fields of a state or message struct, in encoding and printing order.
#define INTERLEAVE_FIELDS(...)                                             \
  static constexpr std::string_view interleave_field_names = #__VA_ARGS__; \
  template <class Visitor>                                                 \
  void for_each_field(Visitor&& visit) {                                   \
    visit(__VA_ARGS__);                                                    \
  }                                                                        \
  template <class Visitor>                                                 \
  void for_each_field(Visitor&& visit) const {                             \
    visit(__VA_ARGS__);                                                    \
  }

// A struct with no fields (a message that carries nothing, such as a reply).
#define INTERLEAVE_NO_FIELDS                                     \
  static constexpr std::string_view interleave_field_names = ""; \
  template <class Visitor>                                       \
  void for_each_field(Visitor&& visit) const {                   \
    visit();                                                     \
  }                                                              \
  template <class Visitor>                                       \
  void for_each_field(Visitor&& visit) {                         \
    visit();                                                     \
  }

template <class T>
concept Reflected = requires {
  T::interleave_field_names;
};

// The names of a reflected struct's fields, split from the macro's argument text.
template <Reflected T>
std::vector<std::string_view> field_names() {
  std::vector<std::string_view> names;
  std::string_view rest = T::interleave_field_names;
  while (!rest.empty()) {
    auto comma = rest.find(',');
    auto name = rest.substr(0, comma);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (!name.empty()) names.push_back(name);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return names;
}

}  // namespace interleave
