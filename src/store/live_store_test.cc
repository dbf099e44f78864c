// Tests of the store's live side: versions of an article and what changed between them, the change
// log a commit writes, and the feed watcher's state. The articles are short ones written here about
// invented companies.
#include <gtest/gtest.h>
#include <simdjson.h>

#include "clean/cleaner.h"
#include "events/extract_events.h"
#include "extract/extract.h"
#include "store/article_diff.h"
#include "store/store.h"
#include "store/test_util.h"

namespace corroborate::store {
namespace {

using namespace testing_util;
CORROBORATE_ON_EACH_ENGINE(Versions);
CORROBORATE_ON_EACH_ENGINE(ChangeLog);
CORROBORATE_ON_EACH_ENGINE(WatchState);

const char* kFirst = "Ferry engine maker Brindle Works plans to cut 900 jobs, the company said on Tuesday. "
                     "Chief executive Maren Tollefsen said the cuts were \\\"painful but necessary to protect the yard\\\".";
const char* kCorrected = "Ferry engine maker Brindle Works plans to cut 1,100 jobs, the company said on Tuesday. "
                         "Chief executive Maren Tollefsen said the cuts were \\\"painful but needed to protect the yard\\\".";

std::string Titled(const std::string& id, const std::string& title, const std::string& text) {
  return "{\"id\":\"" + id + "\",\"outlet\":\"Fjord Ledger\",\"published\":\"2026-03-03\",\"title\":\"" + title +
         "\",\"text\":\"" + text + "\"}\n";
}

std::vector<std::string> Kinds(const std::string& changes_json) {
  simdjson::dom::parser p;
  std::vector<std::string> kinds;
  for (simdjson::dom::element c : Parse(p, changes_json).get_array()) kinds.emplace_back(std::string_view(c["kind"]));
  return kinds;
}

TEST_P(Versions, ChangedContentIsANewVersionWithWhatChangedAndOldInputsAreDuplicates) {
  TempDb tmp;
  StoreOptions options;
  options.versions = true;
  auto store = OpenOrDie(tmp.path(), options);
  ASSERT_TRUE(store);
  const std::string v1 = Titled("bw-1", "Brindle Works to cut 900 jobs", kFirst);
  const std::string v2 = Titled("bw-1", "Brindle Works to cut 1,100 jobs", kCorrected);
  ASSERT_EQ(store->IngestJsonLines(v1)->accepted, 1u);
  Result<IngestReport> second = store->IngestJsonLines(v2);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->versions, 1u);
  EXPECT_EQ(second->accepted, 0u);
  EXPECT_EQ(*store->ArticleCount(), 1);
  // Either raw input again is a duplicate: re-running a producer adds nothing.
  EXPECT_EQ(store->IngestJsonLines(v1)->duplicates, 1u);
  EXPECT_EQ(store->IngestJsonLines(v2)->duplicates, 1u);

  simdjson::dom::parser p;
  Result<std::string> versions = store->ArticleVersionsJson("bw-1");
  ASSERT_TRUE(versions.ok());
  simdjson::dom::element v = Parse(p, *versions);
  EXPECT_EQ(int64_t(v["version"]), 2);
  ASSERT_EQ(v["versions"].get_array().size(), 2u);
  EXPECT_NE(std::string_view(v["versions"].at(0)["text"]).find("900 jobs"), std::string_view::npos);
  const std::string changes = simdjson::minify(v["versions"].at(1)["changes"]);
  const std::vector<std::string> kinds = Kinds(changes);
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), "headline"), kinds.end()) << changes;
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), "quote_reworded"), kinds.end()) << changes;
  EXPECT_NE(changes.find(R"("role":"count","before":{"value":"900")"), std::string::npos) << changes;
  EXPECT_NE(changes.find(R"("after":{"value":"1100")"), std::string::npos) << changes;

  // The article reads as its current version; the story lists the correction.
  simdjson::dom::parser p2;
  simdjson::dom::element a = Parse(p2, *store->ArticleJson("bw-1"));
  EXPECT_EQ(std::string_view(a["title"]), "Brindle Works to cut 1,100 jobs");
  simdjson::dom::parser p3;
  simdjson::dom::element c = Parse(p3, *store->StoryCorrectionsJson(std::string(std::string_view(a["story"]))));
  ASSERT_EQ(c["corrections"].get_array().size(), 1u);
  EXPECT_EQ(std::string_view(c["corrections"].at(0)["article"]), "bw-1");

  // Without versions (plain ingest), other content under a stored id is still rejected.
  store.reset();
  auto plain = OpenOrDie(tmp.path());
  Result<IngestReport> third = plain->IngestJsonLines(Titled("bw-1", "Another", "Other words entirely."));
  ASSERT_EQ(third->rejected.size(), 1u);
  EXPECT_NE(third->rejected[0].reason.find("different content"), std::string::npos);
}

TEST_P(Versions, TheSameCleanedContentFromOtherRawInputIsADuplicate) {
  TempDb tmp;
  StoreOptions options;
  options.versions = true;
  auto store = OpenOrDie(tmp.path(), options);
  ASSERT_TRUE(store);
  const std::string page = "<html><body><article><p>Lantern Bay council approved a summer timetable.</p></article>";
  auto line = [&](const std::string& sidebar) {
    return "{\"id\":\"lb\",\"html\":\"" + page + "<aside>" + sidebar + "</aside></body></html>\"}\n";
  };
  ASSERT_EQ(store->IngestJsonLines(line("Visitors: 1"))->accepted, 1u);
  Result<IngestReport> again = store->IngestJsonLines(line("Visitors: 2"));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->duplicates, 1u);
  EXPECT_EQ(again->versions, 0u);
}

TEST_P(ChangeLog, ACommitLogsItsStoryEventsAndConflicts) {
  TempDb tmp;
  StoreOptions options;
  options.versions = true;
  auto store = OpenOrDie(tmp.path(), options);
  ASSERT_TRUE(store);
  EXPECT_EQ(*store->LatestChange(), 0);
  ASSERT_EQ(store->IngestJsonLines(Titled("bw-1", "Brindle Works to cut 900 jobs", kFirst))->accepted, 1u);
  Result<std::vector<Change>> first = store->ChangesSince(0, 100);
  ASSERT_TRUE(first.ok());
  std::vector<std::string> kinds;
  for (const Change& c : *first) kinds.push_back(c.kind);
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), "story"), kinds.end());
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), "event"), kinds.end());
  const int64_t seen = first->back().seq;
  EXPECT_EQ(*store->LatestChange(), seen);

  // A second outlet states another count: the story gains an outlet and a conflict.
  std::string other = Titled("cd-1", "Brindle Works plans 1,100 job cuts", kCorrected);
  other.replace(other.find("Fjord Ledger"), 12, "Coastline Daily");
  ASSERT_EQ(store->IngestJsonLines(other)->accepted, 1u);
  Result<std::vector<Change>> next = store->ChangesSince(seen, 100);
  ASSERT_TRUE(next.ok());
  bool outlet = false, conflict = false;
  for (const Change& c : *next) {
    EXPECT_GT(c.seq, seen);
    if (c.kind == "story" && c.json.find(R"("outlets_added":["Coastline Daily"])") != std::string::npos) outlet = true;
    if (c.kind == "conflict" && c.json.find(R"("role":"count")") != std::string::npos) conflict = true;
  }
  EXPECT_TRUE(outlet);
  EXPECT_TRUE(conflict);
}

TEST_P(WatchState, ValidatorsAndItemHashesPersist) {
  TempDb tmp;
  {
    auto store = OpenOrDie(tmp.path());
    EXPECT_EQ(store->LoadFeedValidators("http://x/feed")->etag, "");
    ASSERT_TRUE(store->SaveFeedValidators("http://x/feed", FeedValidators{"\"v1\"", "Tue, 03 Mar 2026"}).ok());
    ASSERT_TRUE(store->SaveWatchedItems({{"item-1", "h1"}, {"item-2", "h2"}}).ok());
    ASSERT_TRUE(store->SaveWatchedItems({{"item-1", "h3"}}).ok());
  }
  auto store = OpenOrDie(tmp.path());
  EXPECT_EQ(store->LoadFeedValidators("http://x/feed")->etag, "\"v1\"");
  EXPECT_EQ(*store->WatchedItemHash("item-1"), "h3");
  EXPECT_EQ(*store->WatchedItemHash("item-2"), "h2");
  EXPECT_EQ(*store->WatchedItemHash("item-3"), "");
}

}  // namespace
}  // namespace corroborate::store
