// Tests for the MinHash near-duplicate index (duplicate_index.h).
#include "cluster/duplicate_index.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "cluster/test_articles.h"

namespace corroborate::cluster {
namespace {

using testing::Features;

TEST(DuplicateIndex, FindsReprintsNotSameKindStories) {
  ArticleFeatures a = Features("a", testing::kMarrowbyA);
  ArticleFeatures b = Features("b", testing::kMarrowbyB);
  ArticleFeatures k = Features("k", testing::kKettleford);
  ArticleFeatures r = Features("r", testing::kMarrowbyReprint);
  EXPECT_GE(DuplicateIndex::Similarity(a.signature, r.signature), 0.6);
  EXPECT_LT(DuplicateIndex::Similarity(a.signature, b.signature), 0.2);
  // Kettleford copies Marrowby's sentence shapes but not its words: still far below a reprint.
  EXPECT_LT(DuplicateIndex::Similarity(a.signature, k.signature), 0.4);

  DuplicateIndex index(0.6);
  EXPECT_FALSE(index.Find(a.signature));
  index.Insert(0, a.signature);
  index.Insert(1, k.signature);
  EXPECT_FALSE(index.Find(b.signature));
  ASSERT_TRUE(index.Find(r.signature));
  EXPECT_EQ(*index.Find(r.signature), 0u);
}

TEST(DuplicateIndex, PrefersTheEarliestOfEqualCopies) {
  ArticleFeatures a = Features("a", testing::kMarrowbyA);
  DuplicateIndex index(0.6);
  index.Insert(0, a.signature);
  index.Insert(1, a.signature);
  index.Insert(2, a.signature);
  ASSERT_TRUE(index.Find(a.signature));
  EXPECT_EQ(*index.Find(a.signature), 0u);
}

TEST(DuplicateIndex, BucketWalkIsCapped) {
  // Three hundred copies of one text: a lookup reads at most bucket_cap of each bucket, the newest.
  ArticleFeatures a = Features("a", testing::kMarrowbyA);
  DuplicateIndex index(0.6, 8);
  for (uint32_t i = 0; i < 300; ++i) index.Insert(i, a.signature);
  ASSERT_TRUE(index.Find(a.signature));
  EXPECT_GE(*index.Find(a.signature), 292u);
}

// Invented signatures: unrelated articles share almost no MinHash value.
std::vector<std::array<uint32_t, kSignatureSize>> RandomSignatures(size_t n) {
  std::mt19937 rng(5);
  std::vector<std::array<uint32_t, kSignatureSize>> out(n);
  for (auto& sig : out) {
    for (uint32_t& v : sig) v = uint32_t(rng());
  }
  return out;
}

TEST(DuplicateIndex, OnlyArticlesWithinTheHorizonAreFound) {
  const auto sigs = RandomSignatures(100);
  DuplicateIndex index(0.6, 64, 8);
  for (uint32_t i = 0; i < sigs.size(); ++i) {
    // Each article is a copy of none before it, and every article still held is found again.
    ASSERT_FALSE(index.Find(sigs[i])) << i;
    index.Insert(i, sigs[i]);
    ASSERT_GE(index.Oldest() + 10, i + 1) << i;  // the latest 8 are held, at most 2 more
    for (uint32_t k = 0; k <= i; ++k) {
      std::optional<uint32_t> found = index.Find(sigs[k]);
      if (k >= index.Oldest()) {
        ASSERT_TRUE(found) << i << " " << k;
        EXPECT_EQ(*found, k);
      } else {
        EXPECT_FALSE(found) << i << " " << k;
      }
    }
  }
  EXPECT_GE(index.Oldest(), 90u);
}

TEST(DuplicateIndex, ALoadedIndexAnswersAsTheOneItWasSavedFrom) {
  const auto sigs = RandomSignatures(60);
  DuplicateIndex index(0.6, 64, 8);
  for (uint32_t i = 0; i < 31; ++i) {
    if (i % 5 != 4) index.Insert(i, sigs[i]);  // every fifth number is a reprint: not inserted
  }
  std::string bytes;
  StateWriter w([&](std::string_view piece) {
    bytes += piece;
    return Status::Ok();
  });
  index.Save(w);
  ASSERT_TRUE(w.Finish().ok());
  StateReader r = StateReader::Of(bytes);
  DuplicateIndex loaded(0.6, 64, 8);
  ASSERT_TRUE(loaded.Load(r));
  EXPECT_EQ(loaded.Oldest(), index.Oldest());
  for (uint32_t i = 31; i < sigs.size(); ++i) {
    index.Insert(i, sigs[i]);
    loaded.Insert(i, sigs[i]);
    for (uint32_t k = 0; k <= i; ++k) ASSERT_EQ(index.Find(sigs[k]), loaded.Find(sigs[k])) << i << " " << k;
  }
}

}  // namespace
}  // namespace corroborate::cluster
