// A flat hash table from short strings (words, lower case) to small values, for the look-ups the
// entity scan makes for every word: one hash per word, computed once and passed to every table,
// keys stored end to end in one buffer, open addressing with linear probing (no node per entry,
// no allocation per look-up). Tested in word_table_test.cc.
//
//   WordTable<uint16_t> t;
//   uint64_t h = HashWord("acme");
//   t.Insert("acme", h) |= 4;
//   if (const uint16_t* v = t.Find("acme", h)) ...
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace corroborate::extract {

// 64-bit hash of a short string: eight bytes at a time, multiplied and folded.
inline uint64_t HashWord(std::string_view s) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  uint64_t h = s.size() * kMul;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  }
  if (const size_t rest = s.size() - i; rest > 0) {
    // The last 1 to 7 bytes without a copy of variable length (a call): two overlapping 4-byte
    // loads, or the first, middle and last of up to 3 bytes. Together with the length, which
    // seeds h, they determine the bytes.
    const char* p = s.data() + i;
    uint64_t w;
    if (rest >= 4) {
      uint32_t a, b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + rest - 4, 4);
      w = a | (uint64_t{b} << 32);
    } else {
      w = static_cast<unsigned char>(p[0]) | (uint64_t{static_cast<unsigned char>(p[rest / 2])} << 8) |
          (uint64_t{static_cast<unsigned char>(p[rest - 1])} << 16);
    }
    h = (h ^ w) * kMul;
    h ^= h >> 29;
  }
  return h ^ (h >> 32);
}

template <typename V>
class WordTable {
 public:
  // The value of `key`, or nullptr. `hash` must be HashWord(key).
  const V* Find(std::string_view key, uint64_t hash) const {
    if (slots_.empty()) return nullptr;
    for (size_t at = hash & mask_;; at = (at + 1) & mask_) {
      const Slot& s = slots_[at];
      if (s.len == kEmpty) return nullptr;
      if (s.hash == hash && Key(s) == key) return &s.value;
    }
  }
  const V* Find(std::string_view key) const { return Find(key, HashWord(key)); }

  // The value of `key`, value-initialised when new; `*inserted` tells which.
  V& Insert(std::string_view key, uint64_t hash, bool* inserted = nullptr) {
    if (2 * (size_ + 1) > slots_.size()) Grow();
    size_t at = hash & mask_;
    for (;; at = (at + 1) & mask_) {
      Slot& s = slots_[at];
      if (s.len == kEmpty) break;
      if (s.hash == hash && Key(s) == key) {
        if (inserted) *inserted = false;
        return s.value;
      }
    }
    Slot& s = slots_[at];
    s.hash = hash;
    s.off = static_cast<uint32_t>(keys_.size());
    s.len = static_cast<uint32_t>(key.size());
    s.value = V{};
    keys_.append(key);
    ++size_;
    if (inserted) *inserted = true;
    return s.value;
  }
  V& Insert(std::string_view key) { return Insert(key, HashWord(key)); }

  // Room for `n` entries without growing.
  void Reserve(size_t n) {
    size_t want = 64;
    while (want < 2 * n) want *= 2;
    if (want > slots_.size()) Grow(want);
  }

  void Clear() {  // keeps the memory for the next use
    for (Slot& s : slots_) s.len = kEmpty;
    keys_.clear();
    size_ = 0;
  }
  size_t size() const { return size_; }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    uint64_t hash = 0;
    uint32_t off = 0;
    uint32_t len = kEmpty;
    V value{};
  };
  std::string_view Key(const Slot& s) const { return std::string_view(keys_).substr(s.off, s.len); }
  void Grow(size_t to = 0) {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.resize(to ? to : old.empty() ? 64 : old.size() * 2);
    mask_ = slots_.size() - 1;
    for (Slot& s : old) {
      if (s.len == kEmpty) continue;
      size_t at = s.hash & mask_;
      while (slots_[at].len != kEmpty) at = (at + 1) & mask_;
      slots_[at] = std::move(s);
    }
  }

  std::vector<Slot> slots_;
  std::string keys_;
  size_t mask_ = 0;
  size_t size_ = 0;
};

}  // namespace corroborate::extract
