// Tests for storylines above stories (storylines.h), through the in-memory clusterer.
#include "cluster/storylines.h"

#include <gtest/gtest.h>

#include "cluster/story_clusterer.h"
#include "cluster/test_articles.h"

namespace corroborate::cluster {
namespace {

using testing::Features;

struct Clustered {
  std::unique_ptr<StoryClusterer> c = NewInMemoryClusterer(ClusterOptions{});
  std::vector<Assignment> got;
  void Add(const ArticleFeatures& f) { got.push_back(c->Add(f)); }
  uint32_t Story(uint32_t n) const { return c->StoryOfArticle(n); }
  uint32_t Line(uint32_t n) const { return c->StorylineOf(Story(n)); }
};

TEST(Storylines, ALaterDevelopmentJoinsItsAffairsStoryline) {
  Clustered k;
  k.Add(Features("flood-a", testing::kMarrowbyA, "2024-03-12"));
  k.Add(Features("flood-b", testing::kMarrowbyB, "2024-03-13"));
  k.Add(Features("kettleford", testing::kKettleford, "2024-03-14"));
  k.Add(Features("repairs", testing::kMarrowbyRepairs, "2024-04-09"));
  EXPECT_EQ(k.Story(0), k.Story(1));
  // The repairs, four weeks later, are another development (other facts, beyond the story
  // window): another story ...
  EXPECT_NE(k.Story(3), k.Story(0));
  // ... of the same affair: the same river, town, county and fire chief, the flood and embankment.
  EXPECT_EQ(k.Line(3), k.Line(0));
  // A flood of the same kind elsewhere is another affair.
  EXPECT_NE(k.Line(2), k.Line(0));
  // Storylines are known by their first story.
  EXPECT_EQ(k.Line(0), k.Story(0));
  // Why: the repairs story joined that storyline, with the terms they share, and the similarity.
  std::optional<StoryInfo> s = k.c->GetStory(k.Story(3));
  ASSERT_TRUE(s);
  EXPECT_EQ(s->storyline, k.Line(0));
  EXPECT_EQ(s->link.joined, k.Line(0));
  EXPECT_GE(s->link.similarity, StorylineOptions{}.link_threshold);
  EXPECT_FALSE(s->link.shared.empty());
  bool names_tolland = false;
  for (const Shared& x : s->link.shared) names_tolland |= x.key == TermKey(TermKind::kName, "tolland");
  EXPECT_TRUE(names_tolland);
}

TEST(Storylines, OneCompanysUnrelatedAffairsStayApart) {
  Clustered k;
  k.Add(Features("shops", testing::kBakery, "2024-03-12"));
  k.Add(Features("recall", testing::kBakeryRecall, "2024-03-19"));
  EXPECT_NE(k.Story(0), k.Story(1));
  EXPECT_NE(k.Line(0), k.Line(1));  // Grellin Bakeries and Marta Voss are shared; nothing else is
}

TEST(Storylines, OneTownsUnrelatedAffairsStayApart) {
  Clustered k;
  k.Add(Features("flood", testing::kMarrowbyA, "2024-03-12"));
  k.Add(Features("market", testing::kMarrowbyMarket, "2024-03-20"));
  EXPECT_NE(k.Line(0), k.Line(1));
  // The flood story was the closest storyline the market story did not join, or there was none.
  std::optional<StoryInfo> s = k.c->GetStory(k.Story(1));
  ASSERT_TRUE(s);
  EXPECT_EQ(s->link.joined, 0u);
  if (s->link.closest != 0) {
    EXPECT_LT(s->link.closest_similarity, StorylineOptions{}.link_threshold);
  }
}

TEST(Storylines, TooFarApartInTimeStayApart) {
  Clustered k;
  k.Add(Features("flood", testing::kMarrowbyA, "2024-03-12"));
  k.Add(Features("repairs", testing::kMarrowbyRepairs, "2024-12-21"));  // over 90 days later
  EXPECT_NE(k.Line(0), k.Line(1));
}

}  // namespace
}  // namespace corroborate::cluster
