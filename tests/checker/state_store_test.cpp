#include "checker/state_store.hpp"

#include <cstdint>
#include <span>
#include <vector>

#include "models/codec.hpp"
#include "tests/catch.hpp"

namespace interleave {
namespace {

Bytes encoding_of(std::uint64_t value) {
  Bytes out;
  encode(value, out);
  return out;
}

bool same(std::span<const std::uint8_t> a, const Bytes& b) {
  return Bytes(a.begin(), a.end()) == b;
}

TEST_CASE("state store: insertion, deduplication and dense ids", "[checker]") {
  StateStore store;
  CHECK(store.size() == 0);

  Bytes a{1, 2, 3}, b{1, 2, 4}, c{1, 2}, empty{};
  auto first = store.insert(a, StateStore::kNoParent, 0, 0);
  CHECK(first.inserted);
  CHECK(first.id == 0);

  auto again = store.insert(a, 0, 5, 9);  // equal bytes, different metadata
  CHECK_FALSE(again.inserted);
  CHECK(again.id == 0);
  CHECK(store.size() == 1);

  auto second = store.insert(b, 0, 1, 1);
  CHECK(second.inserted);
  CHECK(second.id == 1);
  auto third = store.insert(c, 1, 2, 2);  // a prefix of the others is a different state
  CHECK(third.inserted);
  CHECK(third.id == 2);
  auto fourth = store.insert(empty, StateStore::kNoParent, 1, 0);
  CHECK(fourth.inserted);
  CHECK(fourth.id == 3);
  CHECK(store.size() == 4);

  CHECK_FALSE(store.insert(b, 2, 7, 3).inserted);
  CHECK(store.insert(b, 2, 7, 3).id == 1);
  CHECK(store.insert(empty, 0, 0, 1).id == 3);
  CHECK(store.size() == 4);

  SECTION("parent, action and depth are those of the first insertion") {
    CHECK(store.parent(0) == StateStore::kNoParent);
    CHECK(store.action(0) == 0);
    CHECK(store.depth(0) == 0);
    CHECK(store.parent(1) == 0);
    CHECK(store.action(1) == 1);
    CHECK(store.depth(1) == 1);
    CHECK(store.parent(2) == 1);
    CHECK(store.action(2) == 2);
    CHECK(store.depth(2) == 2);
    CHECK(store.parent(3) == StateStore::kNoParent);
    CHECK(store.action(3) == 1);
    CHECK(store.depth(3) == 0);
  }

  SECTION("bytes(id) are the stored bytes") {
    CHECK(same(store.bytes(0), a));
    CHECK(same(store.bytes(1), b));
    CHECK(same(store.bytes(2), c));
    CHECK(store.bytes(3).empty());
  }

  CHECK(store.memory_bytes() > 0);
}

TEST_CASE("state store: survives growth of the index", "[checker]") {
  StateStore store;
  CHECK(store.memory_bytes() > 0);  // the initial index
  constexpr std::uint32_t kCount = 100000;
  std::uint32_t misplaced = 0;
  for (std::uint32_t i = 0; i < kCount; ++i) {
    auto r = store.insert(encoding_of(i), i == 0 ? StateStore::kNoParent : i - 1, i % 3, i);
    if (!r.inserted || r.id != i) ++misplaced;
  }
  CHECK(misplaced == 0);
  CHECK(store.size() == kCount);

  std::uint32_t wrong = 0;
  for (std::uint32_t i = 0; i < kCount; ++i) {
    auto r = store.insert(encoding_of(i), 0, 99, 99);
    if (r.inserted || r.id != i) ++wrong;
    if (!same(store.bytes(i), encoding_of(i))) ++wrong;
    if (store.parent(i) != (i == 0 ? StateStore::kNoParent : i - 1)) ++wrong;
    if (store.action(i) != i % 3 || store.depth(i) != i) ++wrong;
  }
  CHECK(wrong == 0);
  CHECK(store.size() == kCount);

  // New states still get the next ids after the growth.
  auto next = store.insert(encoding_of(kCount), kCount - 1, 0, kCount);
  CHECK(next.inserted);
  CHECK(next.id == kCount);

  // At least the arena bytes, one record and one index slot per state.
  CHECK(store.memory_bytes() > std::size_t{kCount} * 3);
}

TEST_CASE("state store: states of mixed lengths across arena chunks", "[checker]") {
  // Large encodings (64 KiB each) fill several 4 MiB arena chunks.
  StateStore store;
  constexpr std::uint32_t kCount = 200;
  auto big = [](std::uint32_t i) {
    Bytes out(65536 + i, static_cast<std::uint8_t>(i));
    out[0] = static_cast<std::uint8_t>(i >> 8);
    return out;
  };
  for (std::uint32_t i = 0; i < kCount; ++i) {
    auto r = store.insert(big(i), StateStore::kNoParent, i, 0);
    REQUIRE(r.inserted);
    REQUIRE(r.id == i);
  }
  std::uint32_t wrong = 0;
  for (std::uint32_t i = 0; i < kCount; ++i) {
    if (!same(store.bytes(i), big(i))) ++wrong;
    auto r = store.insert(big(i), 0, 0, 0);
    if (r.inserted || r.id != i) ++wrong;
  }
  CHECK(wrong == 0);
  CHECK(store.memory_bytes() >= std::size_t{kCount} * 65536);
}

TEST_CASE("state store: hash_bytes is deterministic and discriminating", "[checker]") {
  Bytes a{1, 2, 3}, b{1, 2, 4};
  CHECK(hash_bytes(a) == hash_bytes(Bytes{1, 2, 3}));
  CHECK(hash_bytes(a) != hash_bytes(b));
}

}  // namespace
}  // namespace interleave
