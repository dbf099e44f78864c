// Tests of storylines, explanations, merges and moves in the store: a merged story's report is
// recomputed and nothing is lost, a moved article changes story with its history kept, and the
// storyline reads. The articles are short ones written here, about an invented flood.
#include <gtest/gtest.h>
#include <simdjson.h>

#include "store/store.h"
#include "store/test_util.h"

namespace corroborate::store {
namespace {

using namespace testing_util;

std::string Article(const std::string& id, const std::string& outlet, const std::string& published,
                    const std::string& title, const std::string& text) {
  return R"({"id":")" + id + R"(","outlet":")" + outlet + R"(","published":")" + published + R"(","title":")" + title +
         R"(","text":")" + text + "\"}\n";
}

// One development told three ways, published 28 days apart at the ends: the second cannot join the
// first's story (beyond its 14-day window) and opens one; the third, between them, reaches both.
const std::string kFloodA = Article(
    "m-a", "Ansel Courier", "2024-05-02", "River Ansel floods Pellworth",
    "The River Ansel broke through the Pellworth levee on 1 May 2024 and flooded 260 homes, the Dunmere County fire "
    "service said.\\nFire chief Halvard Ostrem said crews lifted 31 people from upper windows on Ferry Lane and Tanner "
    "Row. Families were taken to Pellworth Abbey hall.\\nDunmere County asked the Ministry of Works for 3.5 million "
    "crowns to rebuild the levee.");
const std::string kFloodB = Article(
    "m-b", "Valley Weekly", "2024-05-30", "How the Ansel flood swamped Pellworth",
    "On 1 May 2024 the Pellworth levee gave way to the River Ansel, and water entered 260 homes, according to the "
    "Dunmere County fire service.\\nAlong Tanner Row and Ferry Lane, 31 people were rescued from upper windows by "
    "crews led by fire chief Halvard Ostrem. Pellworth Abbey hall took in the families.\\nThe Ministry of Works has "
    "been asked by Dunmere County for 3.5 million crowns to rebuild the levee.");
const std::string kFloodBridge = Article(
    "m-bridge", "Northern Ledger", "2024-05-16", "Pellworth still drying out after Ansel flood",
    "Two weeks after the River Ansel burst the Pellworth levee on 1 May 2024, 260 homes remain empty, the Dunmere "
    "County fire service said.\\nHalvard Ostrem, the fire chief, recalled that 31 people had to be lifted from "
    "windows on Ferry Lane and Tanner Row, and that Pellworth Abbey hall still shelters families.\\nDunmere County "
    "is waiting for the Ministry of Works to grant 3.5 million crowns for the levee.");

// A report of the flood; a school's shelter that mentions it only in passing (too little in common
// to join it); and a report of both, after which the school article fits the flood story better.
const std::string kShelterFlood = Article(
    "v-t", "Ansel Courier", "2024-05-02", "River Ansel floods Pellworth",
    "The River Ansel broke through the Pellworth levee on 1 May 2024 and flooded 260 homes, the Dunmere County fire "
    "service said.\\nFire chief Halvard Ostrem said crews lifted 31 people from upper windows on Ferry Lane and Tanner "
    "Row.\\nDunmere County asked the Ministry of Works for 3.5 million crowns to rebuild the levee.");
const std::string kShelterSchool = Article(
    "v-x", "School Gazette", "2024-05-02", "Pellworth Abbey School opens its hall to families",
    "Headteacher Margit Solberg opened the hall of Pellworth Abbey School to 40 families on Wednesday night, with camp "
    "beds lent by the Rowan Scouts and blankets from the Solberg bakery.\\nVolunteers from the parish served soup "
    "until midnight. Solberg said lessons would move to the chapel until the families found new rooms.\\nThe Rowan "
    "Scouts said more camp beds would arrive from Lendal.");
const std::string kShelterBoth = Article(
    "v-y", "Northern Ledger", "2024-05-02",
    "Ansel flood: 260 homes under water, families sleep in Pellworth Abbey School hall",
    "The River Ansel burst the Pellworth levee on 1 May 2024, flooding 260 homes, the Dunmere County fire service "
    "said; fire chief Halvard Ostrem said 31 people were lifted from windows on Ferry Lane and Tanner Row.\\n"
    "Headteacher Margit Solberg opened the hall of Pellworth Abbey School to 40 families, with camp beds from the "
    "Rowan Scouts, blankets from the Solberg bakery and soup from parish volunteers.\\nLessons will move to the chapel, "
    "Solberg said, and more camp beds are coming from Lendal. Dunmere County asked the Ministry of Works for 3.5 "
    "million crowns for the levee.");

// Seven weeks after the flood: the levee's rebuilding, another development of the same affair.
const std::string kLeveeRebuilt = Article(
    "m-levee", "Ansel Courier", "2024-06-20", "Work starts on new Pellworth levee",
    "Builders began on 19 June 2024 to replace the Pellworth levee that the River Ansel broke through in May, after "
    "the Ministry of Works granted Dunmere County 3.5 million crowns.\\nFire chief Halvard Ostrem said the new "
    "levee along Ferry Lane and Tanner Row would be a metre higher. The work should end before the autumn rains.");

simdjson::dom::element Get(simdjson::dom::parser& p, const Result<std::string>& json) {
  EXPECT_TRUE(json.ok()) << json.status().message();
  return Parse(p, json.ok() ? *json : std::string("{}"));
}

TEST(StoreMerges, AMergedStorysReportIsRecomputedAndNothingIsLost) {
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

TEST(StoreMerges, AMovedArticleChangesStoryWithItsHistory) {
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

TEST(StoreStorylines, ALaterDevelopmentIsTheNextStepOfTheTimeline) {
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
