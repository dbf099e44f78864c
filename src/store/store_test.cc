// Tests of the store: migrations, the features blob, idempotent and incremental ingest, reopening,
// the read queries, and reading while another thread writes. The articles are examples/ (ours)
// and short ones written here.
#include "store/store.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <atomic>
#include <filesystem>
#include <thread>

#include "cluster/features.h"
#include "core/utf8.h"
#include "store/features_codec.h"
#include "store/schema.h"

namespace corroborate::store {
namespace {

namespace fs = std::filesystem;

const std::string kExamples = std::string(CORROBORATE_SOURCE_DIR) + "/examples";

// A fresh path for a store file, removed (with its -wal and -shm) when the test ends.
class TempDb {
 public:
  TempDb() {
    static int n = 0;
    path_ = testing::TempDir() + "store_test_" + std::to_string(getpid()) + "_" + std::to_string(++n) + ".db";
    Remove();
  }
  ~TempDb() { Remove(); }
  const std::string& path() const { return path_; }

 private:
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path_ + suffix);
  }
  std::string path_;
};

std::unique_ptr<Store> OpenOrDie(const std::string& path) {
  Result<std::unique_ptr<Store>> s = Store::Open(path, StoreOptions{});
  EXPECT_TRUE(s.ok()) << s.status().message();
  return s.ok() ? s.take() : nullptr;
}

std::vector<std::string> ExampleFiles() {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(kExamples)) {
    if (e.path().extension() != ".md") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// A short article about a made-up event, one JSON line.
std::string Line(const std::string& id, const std::string& outlet, const std::string& text) {
  return R"({"id":")" + id + R"(","outlet":")" + outlet + R"(","published":"2026-03-02","title":"Report )" + id +
         R"(","text":")" + text + R"("})" + "\n";
}

simdjson::dom::element Parse(simdjson::dom::parser& p, const std::string& json) {
  simdjson::dom::element e;
  EXPECT_EQ(p.parse(json).get(e), simdjson::SUCCESS) << json;
  return e;
}

TEST(Schema, MigratesAnEmptyFileToTheCurrentVersion) {
  TempDb tmp;
  Result<Db> db = Db::Open(tmp.path(), false, 1000);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(Migrate(*db).ok());
  Result<int> v = SchemaVersion(*db);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, kSchemaVersion);
  for (const char* table : {"articles", "mentions", "stories", "events", "event_sources", "evidence", "articles_fts"}) {
    Stmt s = db->Prepare(std::string("SELECT count(*) FROM ") + table);
    EXPECT_EQ(s.Step(), StepResult::kRow) << table << ": " << s.status().message();
  }
  // Migrating again is a no-op.
  EXPECT_TRUE(Migrate(*db).ok());
}

// Version 2 adds search and must index the articles version 1 already held.
TEST(Schema, LaterMigrationsKeepAndIndexEarlierData) {
  TempDb tmp;
  Result<Db> db = Db::Open(tmp.path(), false, 1000);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(MigrateTo(*db, 1).ok());
  ASSERT_TRUE(db->Exec("INSERT INTO articles (id, raw_hash, outlet, title, author, author_role, url, published, "
                       "published_inferred, text, story, duplicate_of, features) VALUES ('old', 'h', '', 'Old title', "
                       "'', '', '', '', '', 'a text about lighthouses', 1, '', x'00')").ok());
  ASSERT_TRUE(Migrate(*db).ok());
  Stmt s = db->Prepare("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'lighthouses'");
  EXPECT_EQ(s.Step(), StepResult::kRow);
}

TEST(Schema, RefusesOtherDatabasesAndNewerVersions) {
  TempDb other;
  {
    Result<Db> db = Db::Open(other.path(), false, 1000);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->Exec("CREATE TABLE t (x)").ok());
  }
  EXPECT_FALSE(Store::Open(other.path(), StoreOptions{}).ok());

  TempDb newer;
  {
    Result<Db> db = Db::Open(newer.path(), false, 1000);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(Migrate(*db).ok());
    ASSERT_TRUE(db->Exec("PRAGMA user_version = " + std::to_string(kSchemaVersion + 1)).ok());
  }
  Result<std::unique_ptr<Store>> s = Store::Open(newer.path(), StoreOptions{});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kUnsupported);
}

TEST(FeaturesCodec, RoundTripsAndRefusesTruncatedBlobs) {
  cluster::ArticleFeatures f;
  f.id = "a1";
  f.headline = "A headline";
  f.published_day = 20000;
  f.terms = {{8, 1.5f}, {17, 1.0f}};
  f.days = {19999, 20001};
  f.has_signature = true;
  for (int i = 0; i < cluster::kSignatureSize; ++i) f.signature[i] = static_cast<uint32_t>(i * 7);
  std::string blob = EncodeFeatures(f);
  Result<cluster::ArticleFeatures> g = DecodeFeatures(blob);
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g->id, f.id);
  EXPECT_EQ(g->headline, f.headline);
  EXPECT_EQ(g->published_day, f.published_day);
  ASSERT_EQ(g->terms.size(), 2u);
  EXPECT_EQ(uint64_t{g->terms[1].key}, 17u);  // a copy: Term is packed, a reference to its key is misaligned
  EXPECT_EQ(g->days, f.days);
  EXPECT_EQ(g->signature, f.signature);
  EXPECT_FALSE(DecodeFeatures(blob.substr(0, blob.size() - 1)).ok());
}

TEST(Ingest, SameArticleTwiceIsStoredOnceAndAReusedIdIsRejected) {
  TempDb tmp;
  auto store = OpenOrDie(tmp.path());
  ASSERT_TRUE(store);
  const std::string body = Line("x1", "Alpha Post", "Lumora Foods said on Monday it will close its plant in Tarvik.") +
                           Line("x2", "Beta Daily", "Lumora Foods will close the Tarvik plant, the company said.");
  Result<IngestReport> first = store->IngestJsonLines(body);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->accepted, 2u);
  EXPECT_EQ(first->duplicates, 0u);
  Result<IngestReport> again = store->IngestJsonLines(body);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->accepted, 0u);
  EXPECT_EQ(again->duplicates, 2u);
  EXPECT_TRUE(again->stories.empty());

  // Line 2 reuses x1 with other text; line 1 is not JSON. Both are named by line; line 3 is stored.
  Result<IngestReport> bad = store->IngestJsonLines(
      "{not json\n" + Line("x1", "Alpha Post", "Different words entirely.") + Line("x3", "Gamma", "Another text."));
  ASSERT_TRUE(bad.ok());
  EXPECT_EQ(bad->accepted, 1u);
  ASSERT_EQ(bad->rejected.size(), 2u);
  EXPECT_EQ(bad->rejected[0].line, 1u);
  EXPECT_EQ(bad->rejected[1].line, 2u);
  EXPECT_NE(bad->rejected[1].reason.find("different content"), std::string::npos);
  EXPECT_EQ(*store->ArticleCount(), 3);

  simdjson::dom::parser p;
  std::string reply = IngestReportJson(*bad);
  simdjson::dom::element e = Parse(p, reply);
  EXPECT_EQ(int64_t(e["accepted"]), 1);
  EXPECT_EQ(int64_t(e["rejected"].at(1)["line"]), 2);
}

// Articles ingested one at a time, reopening the store between them, end in the same stories with
// the same reports as ingesting them all at once: the clusterer's state comes back from the store.
TEST(Ingest, IncrementalAfterReopenMatchesOneBatch) {
  TempDb whole, pieces;
  auto all = OpenOrDie(whole.path());
  ASSERT_TRUE(all);
  Result<IngestReport> r = all->Ingest({kExamples}, {});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->accepted, 4u);
  for (const std::string& file : ExampleFiles()) {
    auto one = OpenOrDie(pieces.path());
    ASSERT_TRUE(one);
    Result<IngestReport> x = one->Ingest({file}, {});
    ASSERT_TRUE(x.ok());
    EXPECT_EQ(x->accepted, 1u);
    ASSERT_EQ(x->stories.size(), 1u);
    EXPECT_EQ(x->stories[0], "s1") << file << " should join the examples' one story";
  }
  auto reopened = OpenOrDie(pieces.path());
  ASSERT_TRUE(reopened);
  // Ids default to paths; both stores used the same paths.
  Result<std::string> a = all->StoryJson("s1");
  Result<std::string> b = reopened->StoryJson("s1");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
  EXPECT_EQ(*reopened->StoryCount(), 1);
}

class QueriesTest : public testing::Test {
 protected:
  void SetUp() override {
    store_ = OpenOrDie(tmp_.path());
    ASSERT_TRUE(store_);
    Result<IngestReport> r = store_->Ingest({kExamples}, {});
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->accepted, 4u);
  }
  TempDb tmp_;
  std::unique_ptr<Store> store_;
  simdjson::dom::parser parser_;
};

TEST_F(QueriesTest, ListsStoriesWithFilters) {
  Result<std::string> all = store_->ListStoriesJson(StoryQuery{});
  ASSERT_TRUE(all.ok());
  simdjson::dom::element e = Parse(parser_, *all);
  EXPECT_EQ(int64_t(e["total"]), 1);
  simdjson::dom::element s = e["stories"].at(0);
  EXPECT_EQ(std::string_view(s["id"]), "s1");
  EXPECT_EQ(int64_t(s["articles"]), 4);
  EXPECT_EQ(int64_t(s["outlets"]), 4);
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

TEST_F(QueriesTest, StoryAndArticleLookupsTellNotFoundApart) {
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
TEST_F(QueriesTest, ArticleCarriesItsTextAndQuotesWithCodePointOffsets) {
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

TEST_F(QueriesTest, EventsFilterByTypeAndEntity) {
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

TEST_F(QueriesTest, SearchFindsWordsAndRefusesMalformedQueriesCleanly) {
  SearchQuery q;
  q.q = "terminals";
  Result<std::string> r = store_->SearchJson(q);
  ASSERT_TRUE(r.ok()) << r.status().message();
  simdjson::dom::element e = Parse(parser_, *r);
  EXPECT_GE(int64_t(e["total"]), 2);
  EXPECT_EQ(std::string_view(e["results"].at(0)["story"]), "s1");
  for (const char* malformed : {"\"unbalanced", "AND", "terminals NOT", "(("}) {
    q.q = malformed;
    Result<std::string> m = store_->SearchJson(q);
    ASSERT_FALSE(m.ok()) << malformed;
    EXPECT_EQ(m.status().code(), StatusCode::kInvalidInput) << malformed;
  }
  q.q = "zzzznotaword";
  EXPECT_EQ(int64_t(Parse(parser_, *store_->SearchJson(q))["total"]), 0);
}

// One thread ingests batch after batch while others query: every read succeeds and sees a
// consistent store (WAL readers do not wait for the writer).
TEST(Concurrency, ReadsSucceedWhileAnotherThreadWrites) {
  TempDb tmp;
  auto store = OpenOrDie(tmp.path());
  ASSERT_TRUE(store);
  std::atomic<bool> done{false};
  std::atomic<int> failures{0}, reads{0};
  std::thread writer([&] {
    for (int b = 0; b < 20; ++b) {
      std::string body;
      for (int i = 0; i < 5; ++i) {
        const std::string id = "c" + std::to_string(b) + "_" + std::to_string(i);
        body += Line(id, "Outlet " + std::to_string(i),
                     "Company number " + std::to_string(b) + " opened a warehouse in town " + std::to_string(b) + ".");
      }
      Result<IngestReport> r = store->IngestJsonLines(body);
      if (!r.ok() || r->accepted != 5) ++failures;
    }
    done = true;
  });
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t) {
    readers.emplace_back([&] {
      simdjson::dom::parser p;
      while (!done) {
        Result<std::string> list = store->ListStoriesJson(StoryQuery{});
        SearchQuery q;
        q.q = "warehouse";
        Result<std::string> found = store->SearchJson(q);
        simdjson::dom::element e;
        if (!list.ok() || !found.ok() || p.parse(*list).get(e)) ++failures;
        ++reads;
      }
    });
  }
  writer.join();
  for (std::thread& t : readers) t.join();
  EXPECT_EQ(failures, 0);
  EXPECT_GT(reads, 0);
  EXPECT_EQ(*store->ArticleCount(), 100);
}

}  // namespace
}  // namespace corroborate::store
