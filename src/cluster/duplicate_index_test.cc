// Tests for the MinHash near-duplicate index (duplicate_index.h).
#include "cluster/duplicate_index.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace corroborate::cluster
