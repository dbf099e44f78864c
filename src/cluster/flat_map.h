// A compact open-addressing hash map from 64-bit keys (already hashed) to 32-bit values, for the
// cluster stage's per-corpus tables (document frequencies, posting-list heads), where a node-based
// std::unordered_map would cost three times the memory at a million articles. Tested in
// story_clusterer_test.cc.
//
//   FlatMap64 df;
//   ++df.Upsert(key);            // inserts 0 first when absent
//   uint32_t n = df.Get(key);    // 0 when absent
#pragma once

#include <cstdint>
#include <vector>

namespace corroborate::cluster {

class FlatMap64 {
 public:
  FlatMap64() { Rehash(1024); }

  size_t size() const { return size_; }
  // 12 bytes a slot at a load of at most 0.7.
  size_t MemoryBytes() const { return keys_.capacity() * sizeof(uint64_t) + values_.capacity() * sizeof(uint32_t); }

  uint32_t Get(uint64_t key) const {
    key = Fix(key);
    for (size_t i = Slot(key);; i = (i + 1) & mask_) {
      if (keys_[i] == key) return values_[i];
      if (keys_[i] == kEmpty) return 0;
    }
  }

  // The value for `key`, inserted as 0 when absent. The reference is valid until the next Upsert.
  uint32_t& Upsert(uint64_t key) {
    if ((size_ + 1) * 10 > keys_.size() * 7) Rehash(keys_.size() * 2);
    key = Fix(key);
    size_t i = Slot(key);
    while (keys_[i] != key && keys_[i] != kEmpty) i = (i + 1) & mask_;
    if (keys_[i] == kEmpty) {
      keys_[i] = key;
      values_[i] = 0;
      ++size_;
    }
    return values_[i];
  }

 private:
  static constexpr uint64_t kEmpty = 0;
  // Key 0 marks an empty slot, so a real key of 0 is stored as 1 (a collision we accept).
  static uint64_t Fix(uint64_t k) { return k == kEmpty ? 1 : k; }
  size_t Slot(uint64_t k) const { return size_t(k ^ (k >> 29)) & mask_; }

  void Rehash(size_t capacity) {
    std::vector<uint64_t> old_keys = std::move(keys_);
    std::vector<uint32_t> old_values = std::move(values_);
    keys_.assign(capacity, kEmpty);
    values_.assign(capacity, 0);
    mask_ = capacity - 1;
    for (size_t j = 0; j < old_keys.size(); ++j) {
      if (old_keys[j] == kEmpty) continue;
      size_t i = Slot(old_keys[j]);
      while (keys_[i] != kEmpty) i = (i + 1) & mask_;
      keys_[i] = old_keys[j];
      values_[i] = old_values[j];
    }
  }

  std::vector<uint64_t> keys_;
  std::vector<uint32_t> values_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace corroborate::cluster
