// Tests of the store's read queries (the HTTP API's replies) on the examples (ours): filters,
// not-found apart from errors, code-point offsets, malformed searches.
#include "store/queries.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <fstream>
#include <set>

#include "store/test_util.h"

namespace corroborate::store {
namespace {

using namespace testing_util;
namespace fs = std::filesystem;

class QueriesTest : public OnEachEngine {
 protected:
  void SetUp() override {
    OnEachEngine::SetUp();
    if (IsSkipped()) return;
    store_ = OpenOrDie(tmp_.path());
    ASSERT_TRUE(store_);
    Result<IngestReport> r = store_->Ingest({kExamples}, {});
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->accepted, ExampleArticleCount());
  }
  TempDb tmp_;
  std::unique_ptr<Store> store_;
  simdjson::dom::parser parser_;
};
INSTANTIATE_TEST_SUITE_P(Engines, QueriesTest, ::testing::Values(Engine::kSqlite, Engine::kPostgres), EngineName);
CORROBORATE_ON_EACH_ENGINE(SearchLimits);

TEST_P(QueriesTest, ListsStoriesWithFilters) {
  Result<std::string> all = store_->ListStoriesJson(StoryQuery{});
  ASSERT_TRUE(all.ok());
  simdjson::dom::element e = Parse(parser_, *all);
  EXPECT_EQ(int64_t(e["total"]), 1);
  simdjson::dom::element s = e["stories"].at(0);
  EXPECT_EQ(std::string_view(s["id"]), "s1");
  EXPECT_EQ(int64_t(s["articles"]), int64_t(ExampleArticleCount()));
  // Outlets: the distinct outlets of the story's articles, each article read back on its own (one
  // without an outlet counts as itself). Ids are the files' paths, or the ids of the JSON lines.
  std::vector<std::string> ids;
  for (const std::string& f : ExampleFiles()) {
    if (fs::path(f).extension() != ".jsonl") {
      ids.push_back(f);
      continue;
    }
    std::ifstream in(f);
    for (std::string line; std::getline(in, line);) {
      simdjson::dom::parser p;
      if (line.find_first_not_of(" \t\r") != std::string::npos) ids.emplace_back(std::string_view(Parse(p, line)["id"]));
    }
  }
  std::set<std::string> outlets;
  for (const std::string& id : ids) {
    simdjson::dom::parser p;
    Result<std::string> json = store_->ArticleJson(id);
    ASSERT_TRUE(json.ok()) << id;
    simdjson::dom::element outlet = Parse(p, *json)["outlet"];
    outlets.insert(outlet.is_null() ? id : std::string(std::string_view(outlet)));
  }
  EXPECT_EQ(int64_t(s["outlets"]), int64_t(outlets.size()));
  const std::string top_entity(s["entities"].at(0).get_string().value());  // before the parser is reused

  // The examples' first event is the acquisition (its report says so); the story's last article
  // is dated 2025-11-05 (04-business-brief.txt).
  StoryQuery q;
  q.type = "acquisition";
  EXPECT_EQ(int64_t(Parse(parser_, *store_->ListStoriesJson(q))["total"]), 1);
  q.type = "recall";
  EXPECT_EQ(int64_t(Parse(parser_, *store_->ListStoriesJson(q))["total"]), 0);
  q = StoryQuery{};
  q.from = "2025-11-06";
  EXPECT_EQ(int64_t(Parse(parser_, *store_->ListStoriesJson(q))["total"]), 0);
  q.from = "2025-11-05";
  EXPECT_EQ(int64_t(Parse(parser_, *store_->ListStoriesJson(q))["total"]), 1);
  q.to = "2025-11-01";
  EXPECT_EQ(int64_t(Parse(parser_, *store_->ListStoriesJson(q))["total"]), 0);
  q = StoryQuery{};
  q.entity = top_entity;
  EXPECT_EQ(int64_t(Parse(parser_, *store_->ListStoriesJson(q))["total"]), 1);
  q.entity = "Nobody Of That Name";
  EXPECT_EQ(int64_t(Parse(parser_, *store_->ListStoriesJson(q))["total"]), 0);
  q = StoryQuery{};
  q.from = "last week";
  Result<std::string> bad = store_->ListStoriesJson(q);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidInput);
}

TEST_P(QueriesTest, StoryAndArticleLookupsTellNotFoundApart) {
  EXPECT_TRUE(store_->StoryJson("s1").ok());
  for (const char* id : {"s2", "x", "s", "s1x", ""}) {
    Result<std::string> r = store_->StoryJson(id);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kNotFound) << id;
  }
  Result<std::string> none = store_->ArticleJson("no/such/article");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), StatusCode::kNotFound);
}

// Quote offsets count code points of the text the same reply carries.
TEST_P(QueriesTest, ArticleCarriesItsTextAndQuotesWithCodePointOffsets) {
  Result<std::string> r = store_->ArticleJson(kExamples + "/01-harbour-wire.txt");
  ASSERT_TRUE(r.ok()) << r.status().message();
  simdjson::dom::element e = Parse(parser_, *r);
  EXPECT_EQ(std::string_view(e["story"]), "s1");
  // This article gives no date; the story infers one.
  EXPECT_TRUE(bool(e["published_inferred"]));
  std::string_view text = e["text"];
  simdjson::dom::array quotes = e["quotes"];
  ASSERT_GT(quotes.size(), 0u);
  for (simdjson::dom::element q : quotes) {
    std::string_view quoted = q["text"];
    size_t start = size_t(int64_t(q["start"])), end = size_t(int64_t(q["end"]));
    size_t byte = 0, cp = 0, from = 0;
    for (; byte < text.size() && cp < end; ++byte) {
      if ((static_cast<unsigned char>(text[byte]) & 0xC0) != 0x80) {
        if (cp == start) from = byte;
        ++cp;
      }
    }
    while (byte < text.size() && (static_cast<unsigned char>(text[byte]) & 0xC0) == 0x80) ++byte;
    EXPECT_EQ(text.substr(from, byte - from), quoted);
  }
}

TEST_P(QueriesTest, EventsFilterByTypeAndEntity) {
  simdjson::dom::element all = Parse(parser_, *store_->EventsJson(EventQuery{}));
  const int64_t total = all["total"];
  ASSERT_GT(total, 0);
  EventQuery q;
  q.type = "acquisition";
  simdjson::dom::element acq = Parse(parser_, *store_->EventsJson(q));
  ASSERT_EQ(int64_t(acq["total"]), 1);
  simdjson::dom::element ev = acq["events"].at(0);
  EXPECT_EQ(std::string_view(ev["story"]), "s1");
  EXPECT_GE(simdjson::dom::array(ev["sources"]).size(), 2u);
  // Its acquirer is an entity filter that finds it.
  q = EventQuery{};
  q.entity = std::string(std::string_view(ev["roles"]["acquirer"]["value"]));
  EXPECT_GE(int64_t(Parse(parser_, *store_->EventsJson(q))["total"]), 1);
  q.entity = "Nobody Of That Name";
  EXPECT_EQ(int64_t(Parse(parser_, *store_->EventsJson(q))["total"]), 0);
}

TEST_P(QueriesTest, SearchFindsWordsAndRefusesMalformedQueriesCleanly) {
  SearchQuery q;
  q.q = "terminals";
  Result<std::string> r = store_->SearchJson(q);
  ASSERT_TRUE(r.ok()) << r.status().message();
  simdjson::dom::element e = Parse(parser_, *r);
  const int64_t with_terminals = int64_t(e["total"]);
  EXPECT_GE(with_terminals, 2);
  EXPECT_EQ(std::string_view(e["results"].at(0)["story"]), "s1");
  // What is not a word or a closed phrase is refused with a message about the search itself: no
  // SQL and no FTS5 query in it (issue #16: the message used to quote the internal statement).
  for (const char* malformed : {"\"unbalanced", "((", "\"\"", " "}) {
    q.q = malformed;
    Result<std::string> m = store_->SearchJson(q);
    ASSERT_FALSE(m.ok()) << malformed;
    EXPECT_EQ(m.status().code(), StatusCode::kInvalidInput) << malformed;
    EXPECT_EQ(m.status().message().find("SELECT"), std::string::npos) << m.status().message();
    EXPECT_EQ(m.status().message().find("MATCH"), std::string::npos) << m.status().message();
  }
  q.q = "zzzznotaword";
  EXPECT_EQ(int64_t(Parse(parser_, *store_->SearchJson(q))["total"]), 0);
}

// FTS5 operators typed by a client are words like any other (issue #16): "terminals NOT" is not
// FTS5's NOT, it asks for articles holding both words; "terminals OR zzzznotaword" finds nothing,
// since the second word occurs nowhere; NEAR(...) and a prefix are searched as their words.
TEST_P(QueriesTest, SearchReadsOperatorsAsWords) {
  auto total = [&](const std::string& text) -> int64_t {
    SearchQuery q;
    q.q = text;
    Result<std::string> r = store_->SearchJson(q);
    EXPECT_TRUE(r.ok()) << text << ": " << r.status().message();
    return r.ok() ? int64_t(Parse(parser_, *r)["total"]) : -1;
  };
  const int64_t terminals = total("terminals");
  ASSERT_GE(terminals, 1);
  EXPECT_EQ(total("terminals OR zzzznotaword"), 0);
  EXPECT_EQ(total("NEAR(terminals zzzznotaword)"), 0);
  EXPECT_EQ(total("termin*"), total("termin"));  // no prefix search: "termin" is no word of the examples
  EXPECT_EQ(total("termin"), 0);
  // "not" occurs in the examples or it does not; either way the AND of both words can only narrow.
  EXPECT_LE(total("terminals NOT"), terminals);
  EXPECT_EQ(total("terminals NOT"), total("\"terminals\" not"));
}

// A search is stopped at the store's time limit with kLimitExceeded, and the message is about the
// search. A limit of 0 ms has passed before the first look at the clock, so any search stops (the
// ranking query is not started once the time is spent, however quick the count was).
TEST_P(SearchLimits, StopsAtTheTimeLimit) {
  TempDb tmp;
  StoreOptions options;
  options.search_time_limit_ms = 0;
  auto store = OpenOrDie(tmp.path(), options);
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->Ingest({kExamples}, {}).ok());
  SearchQuery q;
  q.q = "the";
  Result<std::string> r = store->SearchJson(q);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kLimitExceeded);
  EXPECT_EQ(r.status().message().find("SELECT"), std::string::npos) << r.status().message();
}

}  // namespace
}  // namespace corroborate::store
