// Tests of search words computed ahead (search_words.h): on PostgreSQL they are exactly what the
// articles' trigger computes, answered to the right ticket whatever the order of requests and
// takes, and a store whose articles got them ahead holds the trigger's words; without a reachable
// server nothing is asked for. SQLite has none.
#include "store/search_words.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <thread>

#include "store/test_util.h"

namespace corroborate::store {
namespace {

using namespace testing_util;
CORROBORATE_ON_EACH_ENGINE(SearchWords);

// Tests of what only PostgreSQL has: skipped, saying why, without a test database.
class SearchWordsOnPostgres : public ::testing::Test {
 protected:
  void SetUp() override {
    if (PgTestUrl().empty()) GTEST_SKIP() << "CORROBORATE_TEST_PG is not set: no PostgreSQL to test on";
    CurrentEngine() = Engine::kPostgres;  // for TempDb
  }
  void TearDown() override { CurrentEngine() = Engine::kSqlite; }
};

// The words as the trigger computes them (schema_pg.cc), in the same binary form.
EngineValue TriggersWords(Db& db, const std::string& title, const std::string& text) {
  Stmt s = db.Prepare("SELECT to_tsvector('simple', left(?1 || ' ' || ?2, 500000))");
  s.Bind(1, title);
  s.Bind(2, text);
  EXPECT_EQ(s.Step(), StepResult::kRow) << s.status().message();
  return EngineValue{3614, std::string(s.Blob(0))};
}

TEST_P(SearchWords, OnlyPostgresComputesThemAhead) {
  TempDb tmp;
  std::unique_ptr<SearchWordsAhead> words = SearchWordsAhead::Open(tmp.path());
  EXPECT_EQ(words != nullptr, GetParam() == Engine::kPostgres);
}

// Texts of several kinds (accents, punctuation, an empty title, one past the 500,000 characters the
// trigger reads), asked for from four threads at once and taken in another order: each ticket's
// words are those of its own text, byte for byte the trigger's.
TEST_F(SearchWordsOnPostgres, TheTriggersWordsForEachTicket) {
  TempDb tmp;
  Result<Db> db = Db::Open(tmp.path(), /*read_only=*/true, 1000);
  ASSERT_TRUE(db.ok()) << db.status().message();
  std::unique_ptr<SearchWordsAhead> words = SearchWordsAhead::Open(tmp.path());
  ASSERT_TRUE(words);

  std::vector<std::pair<std::string, std::string>> articles;
  for (int i = 0; i < 40; ++i) {
    articles.push_back({"Report " + std::to_string(i),
                        "Kelvra Mills' plant no. " + std::to_string(i) + " in Østerby reopened; e-mail ops@kelvra.example."});
  }
  articles.push_back({"", "A text without a title."});
  articles.push_back({"Long", std::string(300000, 'a') + " middle " + std::string(300000, 'b') + " unreachable"});

  std::vector<uint64_t> tickets(articles.size());
  std::vector<std::thread> threads;
  for (size_t t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (size_t i = t; i < articles.size(); i += 4) tickets[i] = words->Request(articles[i].first, articles[i].second);
    });
  }
  for (std::thread& t : threads) t.join();
  for (size_t k = 0; k < articles.size(); ++k) {
    const size_t i = articles.size() - 1 - k;  // the last asked for first
    ASSERT_NE(tickets[i], 0u) << i;
    std::optional<EngineValue> got = words->Take(tickets[i]);
    ASSERT_TRUE(got) << i;
    const EngineValue want = TriggersWords(*db, articles[i].first, articles[i].second);
    EXPECT_EQ(got->type, want.type) << i;
    EXPECT_EQ(got->bytes, want.bytes) << i;
    EXPECT_FALSE(words->Take(tickets[i])) << i << ": taken once";
  }
  // Forgotten, before or after the answer came: nothing to take.
  const uint64_t early = words->Request("a", "b");
  words->Forget(early);
  const uint64_t late = words->Request("c", "d");
  ASSERT_TRUE(words->Take(words->Request("e", "f")));  // reads the answers before it
  words->Forget(late);
  EXPECT_FALSE(words->Take(early));
  EXPECT_FALSE(words->Take(late));
}

// A request the server refuses (text that is not UTF-8) gets no words, nor, perhaps, the requests
// sent in its group (the server skips the rest of a group after a failure); whatever is answered is
// the trigger's words, and the requests after go on as before.
TEST_F(SearchWordsOnPostgres, ARefusedRequestCostsAtMostItsGroup) {
  TempDb tmp;
  Result<Db> db = Db::Open(tmp.path(), /*read_only=*/true, 1000);
  ASSERT_TRUE(db.ok()) << db.status().message();
  std::unique_ptr<SearchWordsAhead> words = SearchWordsAhead::Open(tmp.path());
  ASSERT_TRUE(words);
  std::vector<std::string> texts;
  for (int i = 0; i < 60; ++i) texts.push_back("Ferry number " + std::to_string(i) + " left Osterby at noon.");
  const size_t bad = 5;
  texts[bad] = "broken \xff\xfe bytes";
  std::vector<uint64_t> tickets;
  for (const std::string& t : texts) tickets.push_back(words->Request("Ferries", t));
  size_t answered = 0;
  for (size_t i = 0; i < texts.size(); ++i) {
    std::optional<EngineValue> got = words->Take(tickets[i]);
    if (i == bad) {
      EXPECT_FALSE(got);
      continue;
    }
    if (!got) continue;
    ++answered;
    EXPECT_EQ(got->bytes, TriggersWords(*db, "Ferries", texts[i]).bytes) << i;
  }
  EXPECT_GE(answered, texts.size() - 32) << "at most a group of requests lost";
  const uint64_t after = words->Request("Ferries", "One more ferry.");
  std::optional<EngineValue> got = words->Take(after);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->bytes, TriggersWords(*db, "Ferries", "One more ferry.").bytes);
}

// The server ends the words' connection (as a restart would) while answers are awaited: the
// writer is not kept waiting, those words are simply not had, and once the connection is made
// again (at most every few seconds) words come again. In a database of its own, so that only this
// test's connection is ended (tests run at once against one server).
TEST_F(SearchWordsOnPostgres, ALostConnectionIsMadeAgain) {
  const std::string name = "search_words_test_" + std::to_string(getpid());
  Result<Db> admin = Db::Open(PgTestUrl(), /*read_only=*/false, 1000);
  ASSERT_TRUE(admin.ok()) << admin.status().message();
  ASSERT_TRUE(admin->Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").ok());
  ASSERT_TRUE(admin->Exec("CREATE DATABASE " + name).ok());
  const std::string url = PgTestUrl() + (PgTestUrl().find('?') == std::string::npos ? "?" : "&") + "dbname=" + name;
  {
    Result<Db> db = Db::Open(url, /*read_only=*/false, 1000);
    ASSERT_TRUE(db.ok()) << db.status().message();
    std::unique_ptr<SearchWordsAhead> words = SearchWordsAhead::Open(url);
    ASSERT_TRUE(words);
    ASSERT_TRUE(words->Take(words->Request("Ferries", "A ferry left Osterby.")));  // connected
    const uint64_t pending = words->Request("Ferries", "Another ferry left Osterby.");
    ASSERT_TRUE(admin->Exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name +
                            "' AND application_name = 'corroborate search words'")
                    .ok());
    const auto start = std::chrono::steady_clock::now();
    (void)words->Take(pending);  // perhaps answered before the end: either way, not waited for long
    EXPECT_FALSE(words->Take(words->Request("Ferries", "A third ferry.")));
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
    std::optional<EngineValue> again;
    for (int i = 0; i < 80 && !again; ++i) {  // made again within about 5 s
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      again = words->Take(words->Request("Ferries", "A fourth ferry."));
    }
    ASSERT_TRUE(again);
    EXPECT_EQ(again->bytes, TriggersWords(*db, "Ferries", "A fourth ferry.").bytes);
  }
  EXPECT_TRUE(admin->Exec("DROP DATABASE " + name + " WITH (FORCE)").ok());
}

// Nothing listens at the port: no words are asked for (the inserts leave them to the trigger).
TEST_F(SearchWordsOnPostgres, AnUnreachableServerGivesNoTickets) {
  std::unique_ptr<SearchWordsAhead> words = SearchWordsAhead::Open("postgresql://127.0.0.1:1/none?connect_timeout=2");
  ASSERT_TRUE(words);
  EXPECT_EQ(words->Request("title", "text"), 0u);
  EXPECT_FALSE(words->Take(1));
}

// A store fed through ingest (words computed ahead), a new version (words computed by the trigger
// on update) and a row inserted without words: every article's words are the trigger's expression
// over its current title and text, and search finds them.
TEST_F(SearchWordsOnPostgres, StoredWordsAreTheTriggersWhicheverWayTheyCame) {
  TempDb tmp;
  StoreOptions options;
  options.versions = true;
  {
    auto store = OpenOrDie(tmp.path(), options);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->IngestJsonLines(Line("w1", "Alpha Post", "Kelvra Mills will close its Osterby plant in May.") +
                                       Line("w2", "Beta Daily", "The Osterby council approved a bridge on Monday."))
                    .ok());
    Result<IngestReport> again =
        store->IngestJsonLines(Line("w1", "Alpha Post", "Kelvra Mills will keep its Osterby plant open after all."));
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->versions, 1u);
  }
  Result<Db> db = Db::Open(tmp.path(), /*read_only=*/false, 1000);
  ASSERT_TRUE(db.ok()) << db.status().message();
  ASSERT_TRUE(db->Exec("INSERT INTO articles (id, raw_hash, outlet, title, author, author_role, url, published, "
                       "published_inferred, text, story, duplicate_of, features) VALUES ('w3', '', '', 'Ferry', '', '', "
                       "'', '', '', 'A ferry to Osterby resumed.', 999, '', '')")
                  .ok());
  Stmt check = db->Prepare(
      "SELECT count(*), count(*) FILTER (WHERE search = to_tsvector('simple', left(title || ' ' || text, 500000))), "
      "count(*) FILTER (WHERE search @@ phraseto_tsquery('simple', 'osterby')) FROM articles");
  ASSERT_EQ(check.Step(), StepResult::kRow) << check.status().message();
  EXPECT_EQ(check.Int(0), 3);
  EXPECT_EQ(check.Int(1), 3);
  EXPECT_EQ(check.Int(2), 3);
  Stmt kept = db->Prepare("SELECT count(*) FROM articles WHERE search @@ phraseto_tsquery('simple', 'keep its')");
  ASSERT_EQ(kept.Step(), StepResult::kRow);
  EXPECT_EQ(kept.Int(0), 1) << "the new version's words";
}

}  // namespace
}  // namespace corroborate::store
