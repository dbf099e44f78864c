// Tests of storylines, explanations, merges and moves in the store: a merged story's report is
// recomputed and nothing is lost, a moved article changes story with its history kept, and the
// storyline reads. The articles are short ones written here, about an invented flood.
#include <gtest/gtest.h>
#include <simdjson.h>

#include "store/store.h"
#include "store/flood_articles.h"
#include "store/test_util.h"

namespace corroborate::store {
namespace {

using namespace testing_util;
CORROBORATE_ON_EACH_ENGINE(StoreMerges);
CORROBORATE_ON_EACH_ENGINE(StoreStorylines);

simdjson::dom::element Get(simdjson::dom::parser& p, const Result<std::string>& json) {
  EXPECT_TRUE(json.ok()) << json.status().message();
  return Parse(p, json.ok() ? *json : std::string("{}"));
}

TEST_P(StoreMerges, AMergedStorysReportIsRecomputedAndNothingIsLost) {
  TempDb pieces, whole;
  auto store = OpenOrDie(pieces.path());
  ASSERT_TRUE(store);
  // Each in its own batch: story 2 is stored, with its report, before the bridge merges it.
  ASSERT_EQ(store->IngestJsonLines(kFloodA)->stories, std::vector<std::string>{"s1"});
  ASSERT_EQ(store->IngestJsonLines(kFloodB)->stories, std::vector<std::string>{"s2"});
  ASSERT_TRUE(store->StoryJson("s2").ok());
  Result<IngestReport> bridge = store->IngestJsonLines(kFloodBridge);
  ASSERT_TRUE(bridge.ok());
  EXPECT_EQ(bridge->stories, std::vector<std::string>{"s1"});  // s2 is gone into it

  EXPECT_EQ(*store->StoryCount(), 1);
  EXPECT_EQ(*store->ArticleCount(), 3);
  Result<std::string> gone = store->StoryJson("s2");
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.status().code(), StatusCode::kNotFound);
  EXPECT_NE(gone.status().message().find("merged into s1"), std::string::npos) << gone.status().message();

  simdjson::dom::parser p;
  {
    simdjson::dom::element report = Get(p, store->StoryJson("s1"));
    simdjson::dom::array ids = report["stories"].at(0)["articles"];
    EXPECT_EQ(ids.size(), 3u);  // recomputed over all three
  }
  for (const char* id : {"m-a", "m-b", "m-bridge"}) {
    simdjson::dom::element a = Get(p, store->ArticleJson(id));
    EXPECT_EQ(std::string_view(a["story"]), "s1") << id;
    EXPECT_FALSE(std::string_view(a["text"]).empty()) << id;
  }
  // The same articles in one batch make the same story and report: the recomputed report is the
  // one a single pass gives.
  auto once = OpenOrDie(whole.path());
  ASSERT_TRUE(once);
  ASSERT_TRUE(once->IngestJsonLines(kFloodA + kFloodB + kFloodBridge).ok());
  EXPECT_EQ(*once->StoryJson("s1"), *store->StoryJson("s1"));

  // The history says what happened and why.
  simdjson::dom::element why = Get(p, store->StoryWhyJson("s1"));
  simdjson::dom::array history = why["history"];
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(std::string_view(history.at(0)["kind"]), "story_merged");
  EXPECT_EQ(std::string_view(history.at(0)["from"]), "s2");
  EXPECT_EQ(std::string_view(history.at(0)["to"]), "s1");
  EXPECT_EQ(std::string_view(history.at(0)["at_article"]), "m-bridge");
  EXPECT_GE(double(history.at(0)["similarity"]), 0.5);
  EXPECT_GT(simdjson::dom::array(history.at(0)["shared"]).size(), 0u);
  EXPECT_EQ(simdjson::dom::array(why["articles"]).size(), 3u);
}

TEST_P(StoreMerges, AMovedArticleChangesStoryWithItsHistory) {
  TempDb tmp;
  auto store = OpenOrDie(tmp.path());
  ASSERT_TRUE(store);
  ASSERT_EQ(store->IngestJsonLines(kShelterFlood)->stories, std::vector<std::string>{"s1"});
  ASSERT_EQ(store->IngestJsonLines(kShelterSchool)->stories, std::vector<std::string>{"s2"});
  ASSERT_TRUE(store->IngestJsonLines(kShelterBoth).ok());

  simdjson::dom::parser p;
  simdjson::dom::element moved = Get(p, store->ArticleJson("v-x"));
  EXPECT_EQ(std::string_view(moved["story"]), "s1");
  simdjson::dom::element why = moved["why"];
  EXPECT_EQ(std::string_view(why["moved_from"]), "s2");
  EXPECT_GE(double(why["similarity"]), 0.3);
  // Its story was left empty: gone, into the one it moved to; all three articles are in s1's report.
  EXPECT_EQ(*store->StoryCount(), 1);
  EXPECT_EQ(store->StoryJson("s2").status().code(), StatusCode::kNotFound);
  simdjson::dom::element report = Get(p, store->StoryJson("s1"));
  EXPECT_EQ(simdjson::dom::array(report["stories"].at(0)["articles"]).size(), 3u);
  simdjson::dom::element story_why = Get(p, store->StoryWhyJson("s1"));
  bool saw_move = false;
  for (simdjson::dom::element h : simdjson::dom::array(story_why["history"])) {
    if (std::string_view(h["kind"]) == "article_moved") {
      saw_move = true;
      EXPECT_EQ(std::string_view(h["article"]), "v-x");
      EXPECT_EQ(std::string_view(h["from"]), "s2");
    }
  }
  EXPECT_TRUE(saw_move);
}

TEST_P(StoreStorylines, ALaterDevelopmentIsTheNextStepOfTheTimeline) {
  TempDb tmp;
  auto store = OpenOrDie(tmp.path());
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->IngestJsonLines(kFloodA + kFloodBridge).ok());
  ASSERT_TRUE(store->IngestJsonLines(kLeveeRebuilt).ok());
  simdjson::dom::parser p;
  simdjson::dom::element list = Get(p, store->ListStorylinesJson(StorylineQuery{}));
  ASSERT_EQ(int64_t(list["total"]), 1);
  EXPECT_EQ(std::string_view(list["storylines"].at(0)["id"]), "l1");
  EXPECT_EQ(int64_t(list["storylines"].at(0)["stories"]), 2);
  EXPECT_EQ(int64_t(list["storylines"].at(0)["articles"]), 3);

  simdjson::dom::element line = Get(p, store->StorylineJson("l1"));
  simdjson::dom::array stories = line["stories"];
  ASSERT_EQ(stories.size(), 2u);
  // In time order: the flood, then the levee's rebuilding, which joined it and says why.
  EXPECT_EQ(std::string_view(stories.at(0)["id"]), "s1");
  EXPECT_EQ(std::string_view(stories.at(1)["id"]), "s2");
  EXPECT_EQ(std::string_view(stories.at(1)["first_published"]), "2024-06-20");
  simdjson::dom::element link = stories.at(1)["link"];
  EXPECT_TRUE(bool(link["joined"]));
  EXPECT_EQ(std::string_view(link["storyline"]), "l1");
  bool shares_a_name = false;
  for (simdjson::dom::element t : simdjson::dom::array(link["shared"])) {
    shares_a_name |= std::string_view(t["kind"]) == "name" && !std::string_view(t["term"]).empty();
  }
  EXPECT_TRUE(shares_a_name);
  EXPECT_EQ(int64_t(line["outlets"]), 2);  // Ansel Courier and Northern Ledger

  // A story's report names its storyline; the list of stories too.
  simdjson::dom::element report = Get(p, store->StoryJson("s2"));
  EXPECT_EQ(std::string_view(report["stories"].at(0)["storyline"]), "l1");
  simdjson::dom::element all = Get(p, store->ListStoriesJson(StoryQuery{}));
  EXPECT_EQ(std::string_view(all["stories"].at(0)["storyline"]), "l1");
  // Each article says why it is in its story: the opener opened it; the other joined with terms.
  simdjson::dom::element why = Get(p, store->StoryWhyJson("s1"));
  simdjson::dom::array articles = why["articles"];
  ASSERT_EQ(articles.size(), 2u);
  EXPECT_TRUE(bool(articles.at(0)["why"]["opened"]));
  EXPECT_FALSE(bool(articles.at(1)["why"]["opened"]));
  EXPECT_GE(double(articles.at(1)["why"]["similarity"]), 0.2);
  EXPECT_GT(simdjson::dom::array(articles.at(1)["why"]["shared"]).size(), 0u);

  EXPECT_EQ(store->StorylineJson("l9").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store->StorylineJson("s1").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(store->ListStorylinesJson(StorylineQuery{1, 20, "", "May 2024", ""}).status().code(),
            StatusCode::kInvalidInput);
}

}  // namespace
}  // namespace corroborate::store
