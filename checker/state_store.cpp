#include "checker/state_store.hpp"

#include <xxhash.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace interleave {

std::uint64_t hash_bytes(std::span<const std::uint8_t> bytes) {
  return XXH3_64bits(bytes.data(), bytes.size());
}

StateStore::StateStore() : index_(1024), mask_(1023) {}

std::uint64_t StateStore::append_to_arena(std::span<const std::uint8_t> bytes) {
  if (bytes.size() > kChunkBytes)
    throw std::length_error("state encoding larger than an arena chunk");
  if (chunks_.empty() || chunks_.back().size() + bytes.size() > kChunkBytes) {
    chunks_.emplace_back();
    chunks_.back().reserve(kChunkBytes);
  }
  auto& chunk = chunks_.back();
  std::uint64_t offset = (chunks_.size() - 1) * kChunkBytes + chunk.size();
  chunk.insert(chunk.end(), bytes.begin(), bytes.end());
  return offset;
}

std::span<const std::uint8_t> StateStore::bytes(Id id) const {
  const auto& r = records_[id];
  if (r.length == 0) return {};  // an empty encoding may point one past the last chunk
  const auto& chunk = chunks_[r.offset / kChunkBytes];
  return {chunk.data() + r.offset % kChunkBytes, r.length};
}

// The slot holding `bytes`, or the empty slot where they would go.
std::size_t StateStore::find_slot(std::span<const std::uint8_t> bytes, std::uint64_t hash) const {
  auto tag = static_cast<std::uint32_t>(hash >> 32);
  for (std::size_t slot = hash & mask_;; slot = (slot + 1) & mask_) {
    const auto& s = index_[slot];
    if (s.id == kNoParent) return slot;
    if (s.tag == tag) {
      auto stored = this->bytes(s.id);
      if (stored.size() == bytes.size() &&
          std::equal(stored.begin(), stored.end(), bytes.begin())) {
        return slot;
      }
    }
  }
}

bool StateStore::contains(std::span<const std::uint8_t> bytes) const {
  return index_[find_slot(bytes, hash_bytes(bytes))].id != kNoParent;
}

StateStore::Insertion StateStore::insert(std::span<const std::uint8_t> bytes, Id parent,
                                         std::uint32_t action, std::uint32_t depth) {
  if ((records_.size() + 1) * 2 > index_.size()) grow_index();
  auto hash = hash_bytes(bytes);
  auto& s = index_[find_slot(bytes, hash)];
  if (s.id != kNoParent) return {s.id, false};
  if (records_.size() >= kNoParent) throw std::length_error("more than 2^32-1 states");
  Id id = static_cast<Id>(records_.size());
  records_.push_back(
      {append_to_arena(bytes), static_cast<std::uint32_t>(bytes.size()), parent, action, depth});
  s = {id, static_cast<std::uint32_t>(hash >> 32)};
  return {id, true};
}

void StateStore::grow_index() {
  std::vector<Slot> bigger(index_.size() * 2);
  auto mask = bigger.size() - 1;
  for (const auto& s : index_) {
    if (s.id == kNoParent) continue;
    auto hash = hash_bytes(bytes(s.id));
    for (std::size_t slot = hash & mask;; slot = (slot + 1) & mask) {
      if (bigger[slot].id == kNoParent) {
        bigger[slot] = s;
        break;
      }
    }
  }
  index_ = std::move(bigger);
  mask_ = mask;
}

std::size_t StateStore::memory_bytes() const {
  std::size_t arena = 0;
  for (const auto& c : chunks_) arena += c.size();
  return arena + records_.capacity() * sizeof(Record) + index_.capacity() * sizeof(Slot);
}

}  // namespace interleave
