// A compact open-addressing hash map from already-hashed keys to 32-bit values, for the cluster
// stage's per-corpus tables (document frequencies, posting-list heads, LSH buckets), where a
// node-based std::unordered_map would cost several times the memory at a million articles.
// FlatMap32 keeps 32 bits of each key: 8 bytes a slot, for tables where two keys sharing a slot
// only costs an extra candidate that is checked anyway, or a document frequency off by a few.
// A slot holds its key and value side by side: at a million articles the tables are far larger
// than the caches, and a look-up then costs one cache miss, not one for the key and one for the
// value. Prefetch() starts that miss early for a key looked up soon after.
// Tested in story_clusterer_test.cc.
//
//   FlatMap64 df;
//   ++df.Upsert(key);            // inserts 0 first when absent
//   uint32_t n = df.Get(key);    // 0 when absent
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "cluster/state_io.h"

namespace corroborate::cluster {

template <typename Key>
class FlatMap {
 public:
  FlatMap() { Rehash(1024); }

  size_t size() const { return size_; }
  // sizeof(Entry) bytes a slot (16 for 64-bit keys, 8 for 32-bit ones), at a load of at most 0.75.
  size_t MemoryBytes() const { return slots_.capacity() * sizeof(Entry); }

  uint32_t Get(uint64_t hash) const {
    const Key key = Fix(hash);
    for (size_t i = Slot(key);; i = (i + 1) & mask_) {
      if (slots_[i].key == key) return slots_[i].value;
      if (slots_[i].key == kEmpty) return 0;
    }
  }

  // The value for `key`, inserted as 0 when absent. The reference is valid until the next Upsert.
  uint32_t& Upsert(uint64_t hash) {
    if ((size_ + 1) * 4 > slots_.size() * 3) Rehash(slots_.size() * 2);
    const Key key = Fix(hash);
    size_t i = Slot(key);
    while (slots_[i].key != key && slots_[i].key != kEmpty) i = (i + 1) & mask_;
    if (slots_[i].key == kEmpty) {
      slots_[i] = {key, 0};
      ++size_;
    }
    return slots_[i].value;
  }

  // A hint that `hash` is looked up soon: its slot is fetched into the cache meanwhile. Until a
  // rehash (an Upsert may make one) the hint points at the right slot.
  void Prefetch(uint64_t hash) const { __builtin_prefetch(&slots_[Slot(Fix(hash))]); }

  // The table slot by slot, so that a loaded map probes, and so answers, exactly as this one. An
  // Entry without padding (a 32-bit key) goes as the slots lie in memory, read back in one copy;
  // an Entry of a 64-bit key has padding, so its keys and values go in separate runs of a block.
  void Save(StateWriter& w) const {
    w.Pod<uint64_t>(slots_.size());
    w.Pod<uint64_t>(size_);
    if constexpr (kPacked) {
      w.Bytes(slots_.data(), slots_.size() * sizeof(Entry));
      return;
    }
    Key keys[kBlock];
    uint32_t values[kBlock];
    for (size_t at = 0; at < slots_.size(); at += kBlock) {
      const size_t n = std::min(kBlock, slots_.size() - at);
      for (size_t i = 0; i < n; ++i) keys[i] = slots_[at + i].key, values[i] = slots_[at + i].value;
      w.Bytes(keys, n * sizeof(Key));
      w.Bytes(values, n * sizeof(uint32_t));
    }
  }
  // False when the bytes are not a table Save wrote (a size that is not a power of two, a load
  // above 0.75, fewer bytes than slots): a look-up in it could then run forever.
  bool Load(StateReader& r) {
    uint64_t capacity = 0, size = 0;
    if (!r.Pod(capacity) || !r.Pod(size)) return false;
    if (capacity < 1024 || (capacity & (capacity - 1)) != 0 || size * 4 > capacity * 3 ||
        capacity > r.left() / (sizeof(Key) + sizeof(uint32_t))) {
      return false;
    }
    mask_ = capacity - 1;
    size_ = 0;
    if constexpr (kPacked) {
      slots_.resize(capacity);
      if (!r.Bytes(slots_.data(), capacity * sizeof(Entry))) return false;
      for (const Entry& e : slots_) size_ += e.key != kEmpty;
      return size_ == size;
    }
    slots_.assign(capacity, Entry{kEmpty, 0});
    Key keys[kBlock];
    uint32_t values[kBlock];
    for (size_t at = 0; at < capacity; at += kBlock) {
      const size_t n = std::min<size_t>(kBlock, capacity - at);
      if (!r.Bytes(keys, n * sizeof(Key)) || !r.Bytes(values, n * sizeof(uint32_t))) return false;
      for (size_t i = 0; i < n; ++i) {
        slots_[at + i] = {keys[i], values[i]};
        size_ += keys[i] != kEmpty;
      }
    }
    return size_ == size;
  }

  // Drops every key whose value `keep(value)` refuses, into a table sized for those left (at a
  // load of 0.375 to 0.75, as growing would leave it). Which keys stay decides the result, not the
  // order of the old slots: the same calls give the same table.
  template <typename Keep>
  void Filter(Keep&& keep) {
    size_t left = 0;
    for (const Entry& e : slots_) left += e.key != kEmpty && keep(e.value);
    size_t capacity = 1024;
    while (left * 4 > capacity * 3) capacity *= 2;
    std::vector<Entry> old = std::move(slots_);
    slots_.assign(capacity, Entry{kEmpty, 0});
    mask_ = capacity - 1;
    size_ = 0;
    for (const Entry& e : old) {
      if (e.key == kEmpty || !keep(e.value)) continue;
      size_t i = Slot(e.key);
      while (slots_[i].key != kEmpty) i = (i + 1) & mask_;
      slots_[i] = e;
      ++size_;
    }
  }

  // Calls f(value&) for every key present, in slot order.
  template <typename F>
  void ForEachValue(F&& f) {
    for (Entry& e : slots_) {
      if (e.key != kEmpty) f(e.value);
    }
  }

 private:
  static constexpr Key kEmpty = 0;
  static constexpr size_t kBlock = 1024;  // slots per run when saved
  // Key 0 marks an empty slot, so a real key of 0 is stored as 1 (a collision we accept). A 32-bit
  // key folds both halves of the hash in.
  static Key Fix(uint64_t h) {
    const Key k = sizeof(Key) == 8 ? Key(h) : Key(h ^ (h >> 32));
    return k == kEmpty ? Key(1) : k;
  }
  size_t Slot(Key k) const { return size_t(k ^ (k >> 17)) & mask_; }

  struct Entry {
    Key key;
    uint32_t value;
  };
  static constexpr bool kPacked = sizeof(Entry) == sizeof(Key) + sizeof(uint32_t);

  void Rehash(size_t capacity) {
    std::vector<Entry> old = std::move(slots_);
    slots_.assign(capacity, Entry{kEmpty, 0});
    mask_ = capacity - 1;
    for (const Entry& e : old) {
      if (e.key == kEmpty) continue;
      size_t i = Slot(e.key);
      while (slots_[i].key != kEmpty) i = (i + 1) & mask_;
      slots_[i] = e;
    }
  }

  std::vector<Entry> slots_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

using FlatMap64 = FlatMap<uint64_t>;
using FlatMap32 = FlatMap<uint32_t>;

}  // namespace corroborate::cluster
