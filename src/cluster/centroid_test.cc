// Tests for term vectors, centroids and cosines (centroid.h) and the posting index (posting_index.h).
#include "cluster/centroid.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "cluster/posting_index.h"

namespace corroborate::cluster {
namespace {

std::vector<Term> Terms(std::initializer_list<std::pair<uint64_t, float>> list) {
  std::vector<Term> v;
  for (auto [k, tf] : list) v.push_back({k, tf});
  std::sort(v.begin(), v.end(), [](const Term& a, const Term& b) { return a.key < b.key; });
  return v;
}

TEST(Centroid, AddSubtractAndCap) {
  Idf idf(0);
  const KindWeights kinds;
  const uint64_t a = TermKey(TermKind::kWord, "flood"), b = TermKey(TermKind::kWord, "embankment"),
                 c = TermKey(TermKind::kName, "marrowby");
  Centroid s;
  s.Add(Terms({{a, 1}, {b, 2}}), 1, 8, kinds, idf);
  s.Add(Terms({{a, 1}, {c, 1}}), 1, 8, kinds, idf);
  ASSERT_EQ(s.terms.size(), 3u);
  EXPECT_EQ(s.articles, 2u);
  for (const Term& t : s.terms) EXPECT_FLOAT_EQ(t.tf, t.key == a ? 2.0f : t.key == b ? 2.0f : 1.0f);

  // Taking the second article back out leaves the first: "marrowby" goes, "flood" halves.
  s.Subtract({{a, 1, 0}, {c, 1, 0}});
  EXPECT_EQ(s.articles, 1u);
  ASSERT_EQ(s.terms.size(), 2u);

  // With a cap of one term, the heaviest (tf × IDF, all kinds weighing 1) is kept. After these four
  // articles IDF = ln(5 / (df + 0.5)): a (df 3) 0.36, b (df 1) 1.20, c (df 2) 0.69; with tf 3, 1, 1
  // the weights are 1.07, 1.20 and 0.69.
  idf.Count(Terms({{a, 1}}));
  idf.Count(Terms({{a, 1}, {b, 1}}));
  idf.Count(Terms({{a, 1}, {c, 1}}));
  idf.Count(Terms({{c, 1}}));
  Centroid capped;
  capped.Add(Terms({{a, 3}, {b, 1}, {c, 1}}), 1, 1, kinds, idf);
  ASSERT_EQ(capped.terms.size(), 1u);
  EXPECT_EQ(capped.terms[0].key, b);
}

TEST(Cosine, SharesSumToOneAndIdenticalVectorsScoreOne) {
  Idf idf(10);
  const KindWeights kinds;
  const std::vector<Term> t = Terms({{TermKey(TermKind::kWord, "flood"), 1}, {TermKey(TermKind::kName, "tolland"), 2},
                                     {TermKey(TermKind::kNumber, "2340"), 1}});
  idf.Count(t);
  const TermVector v = ArticleVector(t, kinds, idf, 80, nullptr);
  std::vector<Shared> shared;
  EXPECT_NEAR(Cosine(v, v, &shared, 8), 1.0, 1e-9);
  ASSERT_EQ(shared.size(), 3u);
  double sum = 0;
  for (const Shared& s : shared) sum += s.share;
  EXPECT_NEAR(sum, 1.0, 1e-6);
  EXPECT_EQ(shared[0].key, TermKey(TermKind::kName, "tolland"));  // tf 2: the largest share
  EXPECT_GE(shared[0].share, shared[1].share);

  TermVector empty;
  EXPECT_EQ(Cosine(v, empty), 0.0);
}

TEST(Cosine, ByKindTakesAWordAndANameOfOneTextAsOneName) {
  Idf idf(10);
  const KindWeights kinds;
  // One article writes "bitcoin" in lower case, the other as a name; both mention "price".
  const std::vector<Term> x = Terms({{TermKey(TermKind::kWord, "bitcoin"), 1}, {TermKey(TermKind::kWord, "price"), 1}});
  const std::vector<Term> y = Terms({{TermKey(TermKind::kName, "bitcoin"), 1}, {TermKey(TermKind::kWord, "price"), 1}});
  idf.Count(x);
  idf.Count(y);
  const TermVector vx = ArticleVector(x, kinds, idf, 80, nullptr), vy = ArticleVector(y, kinds, idf, 80, nullptr);
  EXPECT_EQ(TermKey(TermKind::kWord, "bitcoin") >> 2, TermKey(TermKind::kName, "bitcoin") >> 2);
  const SplitCosine c = CosineByKind(vx, vy, [](uint64_t) { return false; });
  // Each side's only name-group term is "bitcoin" and its only other term "price": both match.
  EXPECT_NEAR(c.names, 1.0, 1e-6);
  EXPECT_NEAR(c.others, 1.0, 1e-6);
  // Plain cosine keeps them apart: only "price" is the same key.
  EXPECT_LT(Cosine(vx, vy), 0.9);
}

TEST(PostingIndex, NewestFirstCappedAndCompacted) {
  PostingIndex index(3);
  for (uint32_t id = 1; id <= 5; ++id) index.Add(42, id);
  index.Add(42, 5);  // already at the head: not added twice
  std::vector<uint32_t> out, counts;
  index.Walk({42, 7}, out, counts);
  ASSERT_EQ(counts.size(), 2u);
  EXPECT_EQ(counts[0], 3u);
  EXPECT_EQ(out[0], 5u);
  EXPECT_EQ(out[1], 4u);
  EXPECT_EQ(out[2], 3u);
  EXPECT_EQ(counts[1], 0u);
  // Compaction maps 4 to 5 (a merge: the duplicate goes) and drops 3 (closed); it reads on past
  // them to keep up to the cap.
  index.Compact([](uint32_t id) { return id == 3 ? 0u : id == 4 ? 5u : id; });
  index.Walk({42}, out, counts);
  ASSERT_EQ(counts[0], 3u);
  EXPECT_EQ(out[0], 5u);
  EXPECT_EQ(out[1], 2u);
  EXPECT_EQ(out[2], 1u);
}

}  // namespace
}  // namespace corroborate::cluster
