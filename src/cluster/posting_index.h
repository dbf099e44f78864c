// An inverted index from terms to the latest stories (or storylines) indexed under them, for
// candidate retrieval: each list is read up to a cap, newest first, so a term every story shares
// costs bounded time. Lists are chains through one vector, so a term seen once costs no allocation
// of its own, and are compacted whenever the vector has doubled. Tested in story_clusterer_test.cc
// (through the clusterer) and posting_index_test.cc.
//
//   PostingIndex index(128);
//   index.Add(key, story);
//   index.Walk({key1, key2}, out);                      // out[t]: the ids read for keys[t]
//   if (index.WantsCompaction()) index.Compact([](uint32_t id) { return live(id) ? id : 0; });
#pragma once

#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "cluster/flat_map.h"
#include "cluster/state_io.h"

namespace corroborate::cluster {

class PostingIndex {
 public:
  explicit PostingIndex(size_t cap) : cap_(cap) {}

  size_t cap() const { return cap_; }

  // `id` (not 0) at the head of `key`'s list, unless it is there already.
  void Add(uint64_t key, uint32_t id);
  void Prefetch(uint64_t key) const { heads_.Prefetch(key); }
  bool Has(uint64_t key) const { return heads_.Get(key) != 0; }

  // Reads the lists of `keys`, up to cap() ids each; `out` gets cap() slots per key and `counts`
  // how many of each were read. The chains are walked side by side, one posting of each per round
  // with the next prefetched: a chain is a pointer chase, one cache miss per posting where it is
  // scattered, and side by side the misses of different chains overlap instead of queueing.
  void Walk(const std::vector<uint64_t>& keys, std::vector<uint32_t>& out, std::vector<uint32_t>& counts) const;

  bool WantsCompaction() const { return postings_.size() >= 2 * compacted_size_ + 65536; }
  // Rewrites every list so that its postings sit side by side, keeping the first cap() that
  // `map(id)` keeps: it returns the id to keep the posting under (a merged story's survivor), or 0
  // to drop it (a closed story).
  void Compact(const std::function<uint32_t(uint32_t)>& map);

  size_t MemoryBytes() const { return heads_.MemoryBytes() + postings_.capacity() * sizeof(postings_[0]); }
  void Save(StateWriter& w) const;
  // False on bytes Save did not write, or a posting that points past the postings.
  bool Load(StateReader& r);

 private:
  size_t cap_;
  FlatMap32 heads_;                                  // key → 1 + its latest posting
  std::vector<std::pair<uint32_t, uint32_t>> postings_;  // (id, 1 + the posting before it)
  size_t compacted_size_ = 0;
};

}  // namespace corroborate::cluster
