// Tests for incremental story clustering (story_clusterer.h, in_memory_clusterer.cc) and FlatMap64.
#include "cluster/story_clusterer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "cluster/flat_map.h"
#include "cluster/test_articles.h"

namespace corroborate::cluster {
namespace {

using testing::Features;

std::vector<ArticleFeatures> Corpus() {
  return {Features("marrowby-a", testing::kMarrowbyA, "2024-03-12"),
          Features("bakery", testing::kBakery, "2024-03-12"),
          Features("kettleford", testing::kKettleford, "2023-11-03"),
          Features("marrowby-b", testing::kMarrowbyB, "2024-03-13"),
          Features("marrowby-reprint", testing::kMarrowbyReprint, "2024-03-13")};
}

TEST(FlatMap64, CountsAndGrows) {
  FlatMap64 m;
  EXPECT_EQ(m.Get(42), 0u);
  for (uint64_t k = 0; k < 5000; ++k) m.Upsert(k * 7919) += uint32_t(k % 3 + 1);
  ++m.Upsert(0);
  EXPECT_EQ(m.size(), 5000u);
  EXPECT_EQ(m.Get(7919 * 10), 10 % 3 + 1u);
  EXPECT_EQ(m.Get(0), 2u);
  EXPECT_EQ(m.Get(3), 0u);

  FlatMap32 m32;  // keeps 32 bits of each key
  m32.Upsert(0x1234567800000000ULL) = 5;
  EXPECT_EQ(m32.Get(0x1234567800000000ULL), 5u);
  EXPECT_EQ(m32.Get(0x12345679ULL), 0u);
}

// Tens of thousands of articles in between make the clusterer compact its posting lists several
// times (every time they double past 65,536 postings); an article of the first story must still find it.
TEST(StoryClusterer, CompactedIndexStillFindsEarlyStories) {
  std::unique_ptr<StoryClusterer> c = NewInMemoryClusterer(ClusterOptions{});
  const uint32_t marrowby = c->Add(Features("marrowby-a", testing::kMarrowbyA)).story;
  for (int i = 0; i < 30000; ++i) {
    ArticleFeatures filler;
    filler.id = "filler-" + std::to_string(i);
    for (int k = 0; k < 20; ++k) {
      filler.terms.push_back({TermKey(TermKind::kWord, "w" + std::to_string(i) + "-" + std::to_string(k)), 1.0f});
    }
    std::sort(filler.terms.begin(), filler.terms.end(), [](const Term& a, const Term& b) { return a.key < b.key; });
    c->Add(filler);
  }
  EXPECT_EQ(c->Add(Features("marrowby-b", testing::kMarrowbyB)).story, marrowby);
}

TEST(StoryClusterer, ReprintSameEventOtherEventUnrelated) {
  std::vector<ArticleFeatures> corpus = Corpus();
  std::vector<Assignment> got = ClusterAll(corpus, ClusterOptions{});
  ASSERT_EQ(got.size(), 5u);
  // Stories are numbered in order of first appearance.
  EXPECT_EQ(got[0].story, 1u);
  EXPECT_TRUE(got[0].opened);
  EXPECT_EQ(got[1].story, 2u);  // the bakery is another story
  EXPECT_EQ(got[2].story, 3u);  // a flood, but another river, town and date
  EXPECT_EQ(got[3].story, 1u);  // the Marrowby flood in other words joins it
  EXPECT_TRUE(got[3].duplicate_of.empty());
  EXPECT_EQ(got[4].story, 1u);  // the reprint joins it too, and names what it reprints
  EXPECT_EQ(got[4].duplicate_of, "marrowby-a");
  for (size_t i = 0; i < 4; ++i) EXPECT_TRUE(got[i].duplicate_of.empty()) << i;
}

TEST(StoryClusterer, OneAtATimeEqualsBatchAndIsDeterministic) {
  std::vector<ArticleFeatures> corpus = Corpus();
  std::vector<Assignment> batch = ClusterAll(corpus, ClusterOptions{});
  std::unique_ptr<StoryClusterer> c = NewInMemoryClusterer(ClusterOptions{});
  for (size_t i = 0; i < corpus.size(); ++i) {
    // Each article is assigned on arrival, seeing only the ones before it.
    Assignment a = c->Add(corpus[i]);
    EXPECT_EQ(a.story, batch[i].story) << i;
    EXPECT_EQ(a.duplicate_of, batch[i].duplicate_of) << i;
    uint32_t stories_so_far = 0;
    for (size_t j = 0; j <= i; ++j) stories_so_far = std::max(stories_so_far, batch[j].story);
    EXPECT_EQ(c->StoryCount(), stories_so_far);
  }
}

TEST(StoryClusterer, StoryInfoAndHeadline) {
  std::unique_ptr<StoryClusterer> c = NewInMemoryClusterer(ClusterOptions{});
  for (const ArticleFeatures& f : Corpus()) (void)c->Add(f);
  std::optional<StoryInfo> s = c->GetStory(1);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->articles, 3u);
  EXPECT_TRUE(s->headline == "River Tolland bursts its banks in Marrowby" ||
              s->headline == "Hundreds of homes under water as Tolland floods Marrowby")
      << s->headline;
  EXPECT_NE(s->first_published, kNoDay);
  EXPECT_EQ(s->last_published - s->first_published, 1);
  EXPECT_FALSE(c->GetStory(0));
  EXPECT_FALSE(c->GetStory(4));
  EXPECT_GT(c->MemoryBytes(), 0u);
  EXPECT_EQ(StoryName(12), "s12");
}

TEST(StoryClusterer, PublicationWindowKeepsDistantArticlesApart) {
  // The same words a year later are another story: the window closes before similarity counts.
  std::vector<ArticleFeatures> corpus = {Features("a", testing::kMarrowbyA, "2024-03-12"),
                                         Features("b", testing::kMarrowbyB, "2025-03-13")};
  std::vector<Assignment> got = ClusterAll(corpus, ClusterOptions{});
  EXPECT_NE(got[0].story, got[1].story);
  // Without dates the window says nothing and the two join.
  corpus = {Features("a", testing::kMarrowbyA), Features("b", testing::kMarrowbyB)};
  got = ClusterAll(corpus, ClusterOptions{});
  EXPECT_EQ(got[0].story, got[1].story);
}

TEST(StoryClusterer, SameKindEventsStayApartWithoutPublicationDates) {
  // No publication dates, so no window: the rivers, towns, people, numbers and days tell them apart.
  std::vector<ArticleFeatures> corpus = {Features("a", testing::kMarrowbyA), Features("k", testing::kKettleford),
                                         Features("b", testing::kMarrowbyB)};
  std::vector<Assignment> got = ClusterAll(corpus, ClusterOptions{});
  EXPECT_NE(got[0].story, got[1].story);
  EXPECT_EQ(got[0].story, got[2].story);
}

// An article made of ordinary words w<k>, each once, published on `day`: for tests whose
// similarities are worked out by hand (equal tf; IDF nearly equal at these document frequencies).
ArticleFeatures Synthetic(const std::string& id, int32_t day, const std::vector<std::string>& words) {
  ArticleFeatures f;
  f.id = id;
  f.published_day = day;
  for (const std::string& w : words) f.terms.push_back({TermKey(TermKind::kWord, w), 1.0f});
  std::sort(f.terms.begin(), f.terms.end(), [](const Term& a, const Term& b) { return a.key < b.key; });
  return f;
}

std::vector<std::string> Words(const std::string& prefix, int from, int to) {
  std::vector<std::string> v;
  for (int i = from; i <= to; ++i) v.push_back(prefix + std::to_string(i));
  return v;
}

bool HasChange(const Assignment& a, Change::Kind kind, uint32_t from, uint32_t to) {
  return std::any_of(a.changes.begin(), a.changes.end(),
                     [&](const Change& c) { return c.kind == kind && c.from == from && c.to == to; });
}

TEST(StoryClusterer, StoriesMergeWhenALaterArticleShowsTheyAreOne) {
  // The same ten words on day 0 and day 28: 28 days is beyond the 14-day window, so the second
  // opens a story of its own. An article of day 14 is within both windows and identical to both
  // (similarity 1 with each); the two centroids are identical too (cosine 1 >= 0.5): they merge,
  // the older story's id surviving.
  std::unique_ptr<StoryClusterer> c = NewInMemoryClusterer(ClusterOptions{});
  const std::vector<std::string> words = Words("w", 1, 10);
  EXPECT_EQ(c->Add(Synthetic("a", 0, words)).story, 1u);
  EXPECT_EQ(c->Add(Synthetic("b", 28, words)).story, 2u);
  const Assignment bridge = c->Add(Synthetic("bridge", 14, words));
  EXPECT_EQ(bridge.story, 1u);
  EXPECT_TRUE(HasChange(bridge, Change::Kind::kStoryMerged, 2, 1));
  // No names, so no storyline link joined them before: the merge makes their storylines one.
  EXPECT_TRUE(HasChange(bridge, Change::Kind::kStorylineMerged, 2, 1));
  EXPECT_EQ(c->StoryOfArticle(1), 1u);
  EXPECT_EQ(c->StorylineOf(2), 1u);
  std::optional<StoryInfo> merged = c->GetStory(2);
  ASSERT_TRUE(merged);
  EXPECT_EQ(merged->merged_into, 1u);
  EXPECT_EQ(merged->id, 1u);
  EXPECT_EQ(merged->articles, 3u);
  EXPECT_EQ(merged->first_published, 0);
  EXPECT_EQ(merged->last_published, 28);
  EXPECT_EQ(c->StoryCount(), 2u);  // ids are never reused
}

TEST(StoryClusterer, AnArticleMovesToTheStoryItFitsBetter) {
  // t: a1..a8. x shares only a1 with it (cosine about 1/sqrt(8*9) = 0.12, under the 0.2 to join):
  // x opens story 2. y = a1..a8 and x1..x6 joins story 1 (cosine about 8/sqrt(8*14) = 0.76, against
  // 7/sqrt(9*14) = 0.62 with x). Story 1 is then a1..a8 at weight 1 and x1..x6 at 0.5: x fits it at
  // about (1 + 6*0.5)/(3 * sqrt(8 + 6*0.25)) = 0.43, at least the 0.3 to move, while alone in its
  // story it fits nothing else there. The two centroids' cosine is the same 0.43, under the 0.5 to
  // merge: x moves, and its emptied story goes into story 1.
  std::unique_ptr<StoryClusterer> c = NewInMemoryClusterer(ClusterOptions{});
  EXPECT_EQ(c->Add(Synthetic("t", 0, Words("a", 1, 8))).story, 1u);
  std::vector<std::string> x = Words("x", 1, 8);
  x.push_back("a1");
  EXPECT_EQ(c->Add(Synthetic("x", 0, x)).story, 2u);
  std::vector<std::string> y = Words("a", 1, 8);
  for (const std::string& w : Words("x", 1, 6)) y.push_back(w);
  const Assignment got = c->Add(Synthetic("y", 0, y));
  EXPECT_EQ(got.story, 1u);
  ASSERT_FALSE(got.changes.empty());
  const Change& move = got.changes[0];
  EXPECT_EQ(move.kind, Change::Kind::kArticleMoved);
  EXPECT_EQ(move.from, 2u);
  EXPECT_EQ(move.to, 1u);
  EXPECT_EQ(move.article, 1u);
  EXPECT_EQ(move.article_id, "x");
  EXPECT_GE(move.similarity, ClusterOptions{}.move_threshold);
  EXPECT_TRUE(HasChange(got, Change::Kind::kStoryMerged, 2, 1));
  EXPECT_EQ(c->StoryOfArticle(1), 1u);
  EXPECT_EQ(c->GetStory(1)->articles, 3u);
  EXPECT_EQ(c->GetStory(2)->merged_into, 1u);
}

TEST(StoryClusterer, FinalStateNamesEveryArticle) {
  std::vector<ArticleFeatures> corpus = Corpus();
  std::unique_ptr<StoryClusterer> c = NewInMemoryClusterer(ClusterOptions{});
  for (const ArticleFeatures& f : corpus) c->Add(f);
  ASSERT_EQ(c->ArticleCount(), corpus.size());
  for (uint32_t i = 0; i < corpus.size(); ++i) EXPECT_EQ(c->ArticleId(i), corpus[i].id);
  EXPECT_EQ(c->DuplicateOf(4), "marrowby-a");
  EXPECT_EQ(c->DuplicateOf(3), "");
  EXPECT_EQ(c->StoryOfArticle(4), c->StoryOfArticle(0));
  EXPECT_EQ(StorylineName(3), "l3");
}

TEST(StoryClusterer, EmptyArticlesOpenTheirOwnStories) {
  std::unique_ptr<StoryClusterer> c = NewInMemoryClusterer(ClusterOptions{});
  ArticleFeatures empty;
  empty.id = "e1";
  EXPECT_EQ(c->Add(empty).story, 1u);
  empty.id = "e2";
  EXPECT_EQ(c->Add(empty).story, 2u);
}

}  // namespace
}  // namespace corroborate::cluster
