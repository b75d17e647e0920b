// The set of visited states: canonical encodings in an arena, a hash index over them, and per
// state a parent link (parent id, action index, depth), so that any state's shortest path from
// an initial state under breadth-first search is recovered without storing traces.
//
// States are addressed by dense 32-bit ids in insertion order. The 64-bit hash of a state picks
// its slot; a later distributed search can partition states by the same hash.
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace interleave {

std::uint64_t hash_bytes(std::span<const std::uint8_t> bytes);

class StateStore {
 public:
  using Id = std::uint32_t;
  static constexpr Id kNoParent = 0xffffffffu;

  StateStore();

  struct Insertion {
    Id id;
    bool inserted;  // false: the state was already stored under `id`
  };

  // Stores `bytes` unless an equal encoding is already stored. For an initial state, `parent` is
  // kNoParent and `action` is the state's index among the initial states.
  Insertion insert(std::span<const std::uint8_t> bytes, Id parent, std::uint32_t action,
                   std::uint32_t depth);

  bool contains(std::span<const std::uint8_t> bytes) const;

  std::span<const std::uint8_t> bytes(Id id) const;
  Id parent(Id id) const { return records_[id].parent; }
  std::uint32_t action(Id id) const { return records_[id].action; }
  std::uint32_t depth(Id id) const { return records_[id].depth; }
  std::size_t size() const { return records_.size(); }

  // Bytes held by the store: arena, per-state records and the hash index.
  std::size_t memory_bytes() const;

 private:
  struct Record {
    std::uint64_t offset;  // into the arena
    std::uint32_t length;
    Id parent;
    std::uint32_t action;
    std::uint32_t depth;
  };
  struct Slot {
    Id id = kNoParent;      // kNoParent marks an empty slot
    std::uint32_t tag = 0;  // high hash bits: most mismatches are rejected without a compare
  };

  std::size_t find_slot(std::span<const std::uint8_t> bytes, std::uint64_t hash) const;
  void grow_index();
  std::uint64_t append_to_arena(std::span<const std::uint8_t> bytes);

  static constexpr std::size_t kChunkBytes = std::size_t{1} << 22;
  std::vector<std::vector<std::uint8_t>> chunks_;
  std::vector<Record> records_;
  std::vector<Slot> index_;
  std::size_t mask_ = 0;
};

}  // namespace interleave
