// MinHash LSH near-duplicate index (see duplicate_index.h). Tested in duplicate_index_test.cc.
#include "cluster/duplicate_index.h"

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
  std::optional<uint32_t> best;
  int best_matches = min_matches_ - 1;
  for (int band = 0; band < kBands; ++band) {
    uint32_t link = latest_.Get(BandKey(sig, band));
    for (size_t walked = 0; link != 0 && walked < bucket_cap_; ++walked) {
      const uint32_t article = link - 1;
      link = next_[size_t(article) * kBands + band];
      const uint16_t* other = &sigs_[size_t(article) * kSignatureSize];
      int matches = 0;
      for (int i = 0; i < kSignatureSize; ++i) matches += uint16_t(sig[i]) == other[i];
      // Ties go to the earlier article: the original rather than another reprint of it.
      if (matches > best_matches || (matches == best_matches && best && article < *best)) {
        best_matches = matches;
        best = article;
      }
    }
  }
  return best;
}

void DuplicateIndex::Insert(uint32_t article, const std::array<uint32_t, kSignatureSize>& sig) {
  const size_t n = size_t(article) + 1;
  if (sigs_.size() < n * kSignatureSize) sigs_.resize(n * kSignatureSize, 0);
  if (next_.size() < n * kBands) next_.resize(n * kBands, 0);
  for (int i = 0; i < kSignatureSize; ++i) sigs_[size_t(article) * kSignatureSize + i] = uint16_t(sig[i]);
  for (int band = 0; band < kBands; ++band) {
    uint32_t& head = latest_.Upsert(BandKey(sig, band));
    next_[size_t(article) * kBands + band] = head;
    head = article + 1;
  }
}

size_t DuplicateIndex::MemoryBytes() const {
  return latest_.MemoryBytes() + sigs_.capacity() * sizeof(uint16_t) + next_.capacity() * sizeof(uint32_t);
}

}  // namespace corroborate::cluster
