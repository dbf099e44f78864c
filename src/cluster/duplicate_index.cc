// MinHash LSH near-duplicate index (see duplicate_index.h). Tested in duplicate_index_test.cc.
#include "cluster/duplicate_index.h"

#include <vector>

#include "cluster/hash.h"

namespace corroborate::cluster {

uint64_t DuplicateIndex::BandKey(const std::array<uint32_t, kSignatureSize>& sig, int band) {
  uint64_t h = Mix64(uint64_t(band) + 0x6a09e667f3bcc909ULL);
  for (int r = 0; r < kRows; ++r) h = HashCombine(h, sig[band * kRows + r]);
  return h;
}

double DuplicateIndex::Similarity(const std::array<uint32_t, kSignatureSize>& a,
                                  const std::array<uint32_t, kSignatureSize>& b) {
  int same = 0;
  for (int i = 0; i < kSignatureSize; ++i) same += a[i] == b[i];
  return double(same) / kSignatureSize;
}

std::optional<uint32_t> DuplicateIndex::Find(const std::array<uint32_t, kSignatureSize>& sig) const {
  // Every band's bucket is looked up: start all the (likely) cache misses at once.
  std::array<uint64_t, kBands> keys;
  for (int band = 0; band < kBands; ++band) {
    keys[band] = BandKey(sig, band);
    latest_.Prefetch(keys[band]);
  }
  // The buckets are chains through next_, one cache miss per article at a million articles: walk
  // the sixteen side by side, one link of each per round with the next prefetched, so the misses
  // overlap. The candidates are compared afterwards, their signatures prefetched meanwhile.
  // A link to an article before oldest_ ends its chain: those articles are no longer held.
  auto live = [&](uint32_t link) { return link > oldest_ ? link : 0; };
  std::array<uint32_t, kBands> link;
  for (int band = 0; band < kBands; ++band) link[band] = live(latest_.Get(keys[band]));
  thread_local std::vector<uint32_t> candidates;
  candidates.clear();
  for (size_t walked = 0; walked < bucket_cap_; ++walked) {
    bool any = false;
    for (int band = 0; band < kBands; ++band) {
      if (link[band] == 0) continue;
      const uint32_t article = link[band] - 1;
      candidates.push_back(article);
      const size_t at = article - oldest_;
      __builtin_prefetch(&sigs_[at * kSignatureSize]);
      link[band] = live(next_[at * kBands + band]);
      if (link[band] != 0) __builtin_prefetch(&next_[size_t(link[band] - 1 - oldest_) * kBands + band]);
      any = true;
    }
    if (!any) break;
  }
  // The most matching values wins, ties going to the earlier article (the original rather than
  // another reprint of it): the same answer in whatever order the candidates come.
  std::optional<uint32_t> best;
  int best_matches = min_matches_ - 1;
  for (const uint32_t article : candidates) {
    const uint16_t* other = &sigs_[size_t(article - oldest_) * kSignatureSize];
    int matches = 0;
    for (int i = 0; i < kSignatureSize; ++i) matches += uint16_t(sig[i]) == other[i];
    if (matches > best_matches || (matches == best_matches && best && article < *best)) {
      best_matches = matches;
      best = article;
    }
  }
  return best;
}

void DuplicateIndex::DropBefore(uint32_t article) {
  const size_t dropped = article - oldest_;
  sigs_.erase(sigs_.begin(), sigs_.begin() + long(std::min(sigs_.size(), dropped * kSignatureSize)));
  next_.erase(next_.begin(), next_.begin() + long(std::min(next_.size(), dropped * kBands)));
  oldest_ = article;
  // Buckets whose latest article is dropped are empty now; the links into dropped articles that
  // are left end their chains (Find).
  latest_.Filter([&](uint32_t head) { return head > oldest_; });
}

void DuplicateIndex::Insert(uint32_t article, const std::array<uint32_t, kSignatureSize>& sig) {
  // Decided by the article's number alone, so a replay and a loaded state drop the same articles
  // at the same moment; a quarter of the horizon at a time, so the cost of a drop is spread.
  if (article - oldest_ >= horizon_ + horizon_ / 4) DropBefore(article - horizon_);
  const size_t at = article - oldest_, n = at + 1;
  if (sigs_.size() < n * kSignatureSize) sigs_.resize(n * kSignatureSize, 0);
  if (next_.size() < n * kBands) next_.resize(n * kBands, 0);
  for (int i = 0; i < kSignatureSize; ++i) sigs_[at * kSignatureSize + i] = uint16_t(sig[i]);
  for (int band = 0; band < kBands; ++band) {
    uint32_t& head = latest_.Upsert(BandKey(sig, band));  // after Find (as Add calls them), cached
    next_[at * kBands + band] = head;
    head = article + 1;
  }
}

void DuplicateIndex::Save(StateWriter& w) const {
  w.Pod(oldest_);
  latest_.Save(w);
  w.Vector(next_);
  w.Vector(sigs_);
}

bool DuplicateIndex::Load(StateReader& r) {
  if (!r.Pod(oldest_) || !latest_.Load(r) || !r.Vector(next_) || !r.Vector(sigs_)) return false;
  const size_t articles = sigs_.size() / kSignatureSize;
  if (sigs_.size() % kSignatureSize != 0 || next_.size() != articles * kBands ||
      articles > UINT32_MAX - size_t(oldest_)) {
    return false;
  }
  // Links and heads past the last held article would be read out of bounds; those before
  // oldest_ end a chain.
  const size_t end = oldest_ + articles;
  for (uint32_t link : next_) {
    if (link > end) return false;
  }
  bool latest_ok = true;
  latest_.ForEachValue([&](uint32_t& head) { latest_ok = latest_ok && head <= end; });
  return latest_ok;
}

size_t DuplicateIndex::MemoryBytes() const {
  return latest_.MemoryBytes() + sigs_.capacity() * sizeof(uint16_t) + next_.capacity() * sizeof(uint32_t);
}

}  // namespace corroborate::cluster
