// A compact open-addressing hash map from already-hashed keys to 32-bit values, for the cluster
// stage's per-corpus tables (document frequencies, posting-list heads, LSH buckets), where a
// node-based std::unordered_map would cost several times the memory at a million articles.
// FlatMap32 keeps 32 bits of each key: 8 bytes a slot, for tables where two keys sharing a slot
// only costs an extra candidate that is checked anyway, or a document frequency off by a few.
// Tested in story_clusterer_test.cc.
//
//   FlatMap64 df;
//   ++df.Upsert(key);            // inserts 0 first when absent
//   uint32_t n = df.Get(key);    // 0 when absent
#pragma once

#include <cstdint>
#include <vector>

namespace corroborate::cluster {

template <typename Key>
class FlatMap {
 public:
  FlatMap() { Rehash(1024); }

  size_t size() const { return size_; }
  // sizeof(Key) + 4 bytes a slot, at a load of at most 0.75.
  size_t MemoryBytes() const { return keys_.capacity() * sizeof(Key) + values_.capacity() * sizeof(uint32_t); }

  uint32_t Get(uint64_t hash) const {
    const Key key = Fix(hash);
    for (size_t i = Slot(key);; i = (i + 1) & mask_) {
      if (keys_[i] == key) return values_[i];
      if (keys_[i] == kEmpty) return 0;
    }
  }

  // The value for `key`, inserted as 0 when absent. The reference is valid until the next Upsert.
  uint32_t& Upsert(uint64_t hash) {
    if ((size_ + 1) * 4 > keys_.size() * 3) Rehash(keys_.size() * 2);
    const Key key = Fix(hash);
    size_t i = Slot(key);
    while (keys_[i] != key && keys_[i] != kEmpty) i = (i + 1) & mask_;
    if (keys_[i] == kEmpty) {
      keys_[i] = key;
      values_[i] = 0;
      ++size_;
    }
    return values_[i];
  }

  // Calls f(value&) for every key present, in slot order.
  template <typename F>
  void ForEachValue(F&& f) {
    for (size_t i = 0; i < keys_.size(); ++i) {
      if (keys_[i] != kEmpty) f(values_[i]);
    }
  }

 private:
  static constexpr Key kEmpty = 0;
  // Key 0 marks an empty slot, so a real key of 0 is stored as 1 (a collision we accept). A 32-bit
  // key folds both halves of the hash in.
  static Key Fix(uint64_t h) {
    const Key k = sizeof(Key) == 8 ? Key(h) : Key(h ^ (h >> 32));
    return k == kEmpty ? Key(1) : k;
  }
  size_t Slot(Key k) const { return size_t(k ^ (k >> 17)) & mask_; }

  void Rehash(size_t capacity) {
    std::vector<Key> old_keys = std::move(keys_);
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

  std::vector<Key> keys_;
  std::vector<uint32_t> values_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

using FlatMap64 = FlatMap<uint64_t>;
using FlatMap32 = FlatMap<uint32_t>;

}  // namespace corroborate::cluster
