// Text form of state values, derived from INTERLEAVE_FIELDS: what traces, message sequence
// charts and `--json` print.
//
//   a reflected struct       {state=HELD, voted=true, queue=[p2]}
//   a message (has `label`)  request(clock=1)    reply
//   an enum or id            whatever `to_string(value)` (found by ADL) says
#pragma once

#include <fmt/format.h>

#include <array>
#include <concepts>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "models/fields.hpp"

namespace interleave {

template <class T>
concept HasAdlToString = requires(const T& v) {
  { to_string(v) } -> std::convertible_to<std::string_view>;
};

template <class T>
concept Labelled = requires {
  T::label;
};

template <class T>
std::string to_text(const T& value);

namespace detail {

template <Reflected T>
std::string fields_to_text(const T& value, std::string_view open, std::string_view close) {
  auto names = field_names<T>();
  std::string out(open);
  std::size_t i = 0;
  value.for_each_field([&](const auto&... fields) {
    ((out += (i ? ", " : ""), out += names[i], out += '=', out += to_text(fields), ++i), ...);
  });
  out += close;
  return out;
}

}  // namespace detail

template <class T>
std::string to_text(const T& value) {
  if constexpr (HasAdlToString<T>) {
    return std::string(to_string(value));
  } else if constexpr (std::is_same_v<T, bool>) {
    return value ? "true" : "false";
  } else if constexpr (std::is_arithmetic_v<T>) {
    return fmt::format("{}", +value);
  } else if constexpr (Labelled<T> && Reflected<T>) {
    if (T::interleave_field_names.empty()) return std::string(T::label);
    return detail::fields_to_text(value, std::string(T::label) + "(", ")");
  } else if constexpr (Reflected<T>) {
    return detail::fields_to_text(value, "{", "}");
  } else if constexpr (requires {
                         value.has_value();
                         *value;
                       }) {
    return value ? to_text(*value) : std::string("none");
  } else if constexpr (requires { std::visit([](const auto&) {}, value); }) {
    return std::visit([](const auto& alt) { return to_text(alt); }, value);
  } else {
    std::string out = "[";
    bool first = true;
    for (const auto& x : value) {
      if (!first) out += ", ";
      first = false;
      out += to_text(x);
    }
    return out + "]";
  }
}

// One (name, text) pair per field of a reflected struct: the unit of a trace's state diffs.
template <Reflected T>
std::vector<std::pair<std::string, std::string>> field_texts(const T& value) {
  auto names = field_names<T>();
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t i = 0;
  value.for_each_field([&](const auto&... fields) {
    ((out.emplace_back(std::string(names[i]), to_text(fields)), ++i), ...);
  });
  return out;
}

}  // namespace interleave

// Every reflected state and message type prints with fmt through its text form.
template <interleave::Reflected T>
struct fmt::formatter<T> : fmt::formatter<std::string_view> {
  template <class Context>
  auto format(const T& value, Context& ctx) const {
    return fmt::formatter<std::string_view>::format(interleave::to_text(value), ctx);
  }
};
