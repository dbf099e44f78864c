// Fast non-cryptographic 64-bit hashing for the cluster stage: term keys, word shingles and MinHash
// permutations. Written here so the stage needs no extra package. Tested in features_test.cc.
//
//   uint64_t k = HashBytes("earthquake", kWordSeed);
//   uint64_t p = Mix64(k ^ permutation_seed);
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace corroborate::cluster {

// A bijective finaliser (the 64-bit one from MurmurHash3): every input bit affects every output
// bit, which is what MinHash needs from its cheap "permutations".
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

// Eight bytes at a time, each block multiplied into the state; the tail is read byte by byte.
// Quality is that of Mix64 on the final state, enough for hash tables and MinHash on words.
inline uint64_t HashBytes(std::string_view s, uint64_t seed = 0) {
  uint64_t h = seed ^ (0x9e3779b97f4a7c15ULL * (s.size() + 1));
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t block;
    std::memcpy(&block, s.data() + i, 8);
    h = (h ^ Mix64(block)) * 0x9fb21c651e98df25ULL;
  }
  uint64_t tail = 0;
  for (size_t j = 0; i < s.size(); ++i, ++j) tail |= uint64_t(uint8_t(s[i])) << (8 * j);
  h = (h ^ Mix64(tail ^ 0x2545f4914f6cdd1dULL)) * 0x9fb21c651e98df25ULL;
  return Mix64(h);
}

// Combines two hashes in an order-dependent way (for shingles: the sequence matters).
inline uint64_t HashCombine(uint64_t a, uint64_t b) { return Mix64(a * 0x9e3779b97f4a7c15ULL + b); }

}  // namespace corroborate::cluster
