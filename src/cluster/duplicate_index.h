// Near-duplicate detection: MinHash signatures of word shingles, banded for locality-sensitive
// lookup, so a reprint is found among a million earlier articles by a few hash probes instead of a
// comparison with each. A reprint is looked for among the latest `horizon` articles (and up to a
// quarter more), so the index, and the clusterer's saved state that holds it, stay the same size
// however many articles came before. Tested in duplicate_index_test.cc.
//
//   DuplicateIndex index(0.6);
//   std::optional<uint32_t> original = index.Find(f.signature);  // an earlier article's number
//   index.Insert(article_number, f.signature);
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "cluster/features.h"
#include "cluster/flat_map.h"
#include "cluster/state_io.h"

namespace corroborate::cluster {

class DuplicateIndex {
 public:
  // 16 bands of 4 rows: a pair at Jaccard 0.6 shares a band with probability 0.9, at 0.3 with 0.12
  // (then rejected by the full comparison). A lookup walks at most `bucket_cap` latest articles of
  // a bucket, so a boilerplate text shared by thousands costs bounded time.
  static constexpr int kBands = 16;
  static constexpr int kRows = kSignatureSize / kBands;

  explicit DuplicateIndex(double min_jaccard, size_t bucket_cap = 64, uint32_t horizon = uint32_t(1) << 18)
      : min_matches_(int(min_jaccard * kSignatureSize + 0.999)),
        bucket_cap_(bucket_cap),
        horizon_(std::max<uint32_t>(horizon, 4)) {}

  // The earlier article whose estimated shingle Jaccard similarity with `sig` is highest and at
  // least min_jaccard; nullopt when there is none. Only articles from Oldest() on are looked at.
  std::optional<uint32_t> Find(const std::array<uint32_t, kSignatureSize>& sig) const;

  // Articles must be numbered 0, 1, 2, ... in the order they are inserted or skipped. When the
  // index spans horizon + horizon / 4 articles, those before the latest `horizon` are dropped.
  void Insert(uint32_t article, const std::array<uint32_t, kSignatureSize>& sig);

  // The oldest article a reprint can still be found of.
  uint32_t Oldest() const { return oldest_; }
  // One past the latest article held.
  size_t End() const { return oldest_ + sigs_.size() / kSignatureSize; }

  // Estimated Jaccard similarity of two signatures: the share of equal MinHash values.
  static double Similarity(const std::array<uint32_t, kSignatureSize>& a,
                           const std::array<uint32_t, kSignatureSize>& b);

  size_t MemoryBytes() const;
  void Save(StateWriter& w) const;
  // False on bytes Save did not write, or chains that point past the articles.
  bool Load(StateReader& r);

 private:
  static uint64_t BandKey(const std::array<uint32_t, kSignatureSize>& sig, int band);

  void DropBefore(uint32_t article);

  int min_matches_;
  size_t bucket_cap_;
  uint32_t horizon_;
  uint32_t oldest_ = 0;  // the arrays below start at this article
  // Buckets are chains, newest first: band key → 1 + latest article; next_[(article - oldest_) *
  // kBands + band] → 1 + the article before it in that bucket (0, or an article before oldest_,
  // ends). Four bytes per article and band instead of a vector per bucket, most of which would
  // hold one article.
  FlatMap32 latest_;
  std::vector<uint32_t> next_;
  // The low 16 bits of each MinHash value, 64 per article: 128 bytes an article; chance equality
  // of unrelated values (1 in 65536) barely moves the estimate.
  std::vector<uint16_t> sigs_;
};

}  // namespace corroborate::cluster
