// Canonical byte encoding of state values, derived from INTERLEAVE_FIELDS.
//
// Two states are the same state exactly when their encodings are equal, so the encoding must be
// canonical: containers are encoded in their stored order, and the system models keep every
// order-insensitive container (a bag channel) sorted. Integers are LEB128 varints, so the small
// counters and process ids that fill these states take one byte each.
#pragma once

#include <array>
#include <concepts>
#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <type_traits>
#include <variant>
#include <vector>

#include "models/fields.hpp"

namespace interleave {

using Bytes = std::vector<std::uint8_t>;

class Encoder {
 public:
  explicit Encoder(Bytes& out) : out_(out) {}

  void unsigned_varint(std::uint64_t v) {
    while (v >= 0x80) {
      out_.push_back(static_cast<std::uint8_t>(v | 0x80));
      v >>= 7;
    }
    out_.push_back(static_cast<std::uint8_t>(v));
  }

  template <class T>
  void operator()(const T& value) {
    if constexpr (std::is_same_v<T, bool>) {
      out_.push_back(value ? 1 : 0);
    } else if constexpr (std::is_enum_v<T>) {
      unsigned_varint(static_cast<std::uint64_t>(value));
    } else if constexpr (std::is_unsigned_v<T>) {
      unsigned_varint(value);
    } else if constexpr (std::is_signed_v<T>) {
      auto wide = static_cast<std::int64_t>(value);
      unsigned_varint((static_cast<std::uint64_t>(wide) << 1) ^
                      static_cast<std::uint64_t>(wide >> 63));
    } else if constexpr (Reflected<T>) {
      value.for_each_field([this](const auto&... fields) { ((*this)(fields), ...); });
    } else {
      encode_compound(value);
    }
  }

 private:
  template <class T>
  void encode_compound(const std::vector<T>& v) {
    unsigned_varint(v.size());
    for (const auto& x : v) (*this)(x);
  }
  template <class T, std::size_t N>
  void encode_compound(const std::array<T, N>& v) {
    for (const auto& x : v) (*this)(x);
  }
  template <class T>
  void encode_compound(const std::optional<T>& v) {
    (*this)(v.has_value());
    if (v) (*this)(*v);
  }
  template <class... Ts>
  void encode_compound(const std::variant<Ts...>& v) {
    unsigned_varint(v.index());
    std::visit([this](const auto& alt) { (*this)(alt); }, v);
  }

  Bytes& out_;
};

class Decoder {
 public:
  explicit Decoder(std::span<const std::uint8_t> in) : in_(in) {}

  std::uint64_t unsigned_varint() {
    std::uint64_t v = 0;
    for (int shift = 0;; shift += 7) {
      if (pos_ >= in_.size() || shift > 63) throw std::runtime_error("truncated state encoding");
      auto byte = in_[pos_++];
      v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return v;
    }
  }

  template <class T>
  void operator()(T& value) {
    if constexpr (std::is_same_v<T, bool>) {
      value = unsigned_varint() != 0;
    } else if constexpr (std::is_enum_v<T>) {
      value = static_cast<T>(unsigned_varint());
    } else if constexpr (std::is_unsigned_v<T>) {
      value = static_cast<T>(unsigned_varint());
    } else if constexpr (std::is_signed_v<T>) {
      auto zz = unsigned_varint();
      value =
          static_cast<T>(static_cast<std::int64_t>(zz >> 1) ^ -static_cast<std::int64_t>(zz & 1));
    } else if constexpr (Reflected<T>) {
      value.for_each_field([this](auto&... fields) { ((*this)(fields), ...); });
    } else {
      decode_compound(value);
    }
  }

  bool at_end() const { return pos_ == in_.size(); }

 private:
  template <class T>
  void decode_compound(std::vector<T>& v) {
    auto size = unsigned_varint();
    // Each element takes at least one byte, except a struct without fields, which takes none.
    if (!std::is_empty_v<T> && size > in_.size() - pos_)
      throw std::runtime_error("corrupt state encoding");
    v.resize(size);
    for (auto& x : v) (*this)(x);
  }
  template <class T, std::size_t N>
  void decode_compound(std::array<T, N>& v) {
    for (auto& x : v) (*this)(x);
  }
  template <class T>
  void decode_compound(std::optional<T>& v) {
    bool present = false;
    (*this)(present);
    if (present) {
      v.emplace();
      (*this)(*v);
    } else {
      v.reset();
    }
  }
  template <class... Ts>
  void decode_compound(std::variant<Ts...>& v) {
    auto index = unsigned_varint();
    if (index >= sizeof...(Ts)) throw std::runtime_error("corrupt variant index in state encoding");
    emplace_alternative<0, Ts...>(v, index);
  }
  template <std::size_t I, class First, class... Rest, class V>
  void emplace_alternative(V& v, std::uint64_t index) {
    if (index == I) {
      (*this)(v.template emplace<I>());
    } else if constexpr (sizeof...(Rest) > 0) {
      emplace_alternative<I + 1, Rest...>(v, index);
    }
  }

  std::span<const std::uint8_t> in_;
  std::size_t pos_ = 0;
};

template <class T>
void encode(const T& value, Bytes& out) {
  Encoder{out}(value);
}

template <class T>
T decode(std::span<const std::uint8_t> in) {
  T value{};
  Decoder d{in};
  d(value);
  if (!d.at_end()) throw std::runtime_error("trailing bytes in state encoding");
  return value;
}

}  // namespace interleave
