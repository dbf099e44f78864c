// Tests of the search text's translation to FTS5 (search_query.h) and of TimeLimit (sqlite_db.h):
// operators arrive as quoted words, limits are enforced, and a runaway statement is stopped.
#include "store/search_query.h"

#include <gtest/gtest.h>

#include <chrono>

#include "store/db.h"

namespace corroborate::store {
namespace {

std::string Fts(std::string_view text) {
  Result<std::string> r = ToFtsQuery(text);
  EXPECT_TRUE(r.ok()) << text << ": " << r.status().message();
  return r.ok() ? *r : std::string();
}

TEST(ToFtsQuery, QuotesEveryWordAndKeepsPhrases) {
  EXPECT_EQ(Fts("harbour"), "\"harbour\"");
  EXPECT_EQ(Fts("  harbour   cranes "), "\"harbour\" \"cranes\"");
  EXPECT_EQ(Fts("\"job cuts\" Lisbon"), "\"job cuts\" \"Lisbon\"");
  // A quote ends a word, as it starts a phrase.
  EXPECT_EQ(Fts("port\"new cranes\""), "\"port\" \"new cranes\"");
}

TEST(ToFtsQuery, OperatorsAreWords) {
  // Every FTS5 operator the client types is inside a quoted string, where FTS5 reads only tokens.
  EXPECT_EQ(Fts("a OR b NOT c AND d"), "\"a\" \"OR\" \"b\" \"NOT\" \"c\" \"AND\" \"d\"");
  EXPECT_EQ(Fts("NEAR(a b, 5)"), "\"NEAR(a\" \"b,\" \"5)\"");
  EXPECT_EQ(Fts("title:acme pre* ^first -x +y"), "\"title:acme\" \"pre*\" \"^first\" \"-x\" \"+y\"");
  EXPECT_EQ(Fts("{title text}: acme"), "\"{title\" \"text}:\" \"acme\"");
}

TEST(ToFtsQuery, RepeatedTermsAreAskedOnce) {
  EXPECT_EQ(Fts("port The port the \"new port\" \"New Port\""), "\"port\" \"The\" \"new port\"");
  // Repeats do not count toward the word limit.
  std::string many;
  for (size_t i = 0; i < 3 * kMaxSearchWords; ++i) many += "port ";  // 480 bytes
  EXPECT_EQ(Fts(many), "\"port\"");
}

TEST(ToFtsQuery, TermsWithoutWordsAreDropped) {
  EXPECT_EQ(Fts("acme ( ) -- ..."), "\"acme\"");
  EXPECT_EQ(Fts("acme \"\""), "\"acme\"");
  // Non-ASCII letters are words.
  EXPECT_EQ(Fts("Zürich 東京"), "\"Zürich\" \"東京\"");
}

TEST(ToFtsQuery, RefusesWhatIsNotWordsOrTooLarge) {
  for (std::string_view bad : {"", "   ", "((", "\"\"", "\"unclosed phrase", "a \"b"}) {
    Result<std::string> r = ToFtsQuery(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidInput) << bad;
  }
  // kMaxSearchWords words pass; one more, as a word or inside a phrase, does not.
  std::string words;
  for (size_t i = 0; i < kMaxSearchWords; ++i) words += "w" + std::to_string(i) + " ";
  EXPECT_TRUE(ToFtsQuery(words).ok());
  EXPECT_FALSE(ToFtsQuery(words + "extra").ok());
  EXPECT_FALSE(ToFtsQuery(words + "\"two-words\"").ok());
  // A word of kMaxSearchBytes bytes passes; a byte more does not.
  EXPECT_TRUE(ToFtsQuery(std::string(kMaxSearchBytes, 'a')).ok());
  Result<std::string> long_one = ToFtsQuery(std::string(kMaxSearchBytes + 1, 'a'));
  ASSERT_FALSE(long_one.ok());
  EXPECT_EQ(long_one.status().code(), StatusCode::kInvalidInput);
}

// A statement that would count for minutes is stopped at its TimeLimit with kLimitExceeded; once
// the limit object is gone the connection runs statements without a limit again.
TEST(TimeLimit, StopsARunawayStatement) {
  Result<Db> db = Db::Open(":memory:", /*read_only=*/false, 1000);
  ASSERT_TRUE(db.ok());
  const char* kEndless =
      "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n WHERE x < 0";
  const auto start = std::chrono::steady_clock::now();
  {
    TimeLimit limit(*db, std::chrono::milliseconds(50));
    Stmt s = db->Prepare(kEndless);
    EXPECT_EQ(s.Step(), StepResult::kError);
    EXPECT_EQ(s.status().code(), StatusCode::kLimitExceeded) << s.status().message();
    EXPECT_TRUE(limit.expired());
  }
  // Generous: the statement stops a few microseconds after 50 ms on a quiet machine; 20 s only
  // rules out "never stopped" (it would run for hours) on a loaded one.
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
  Stmt quick = db->Prepare("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 100000) "
                           "SELECT count(*) FROM n");
  ASSERT_EQ(quick.Step(), StepResult::kRow) << quick.status().message();
  EXPECT_EQ(quick.Int(0), 100000);
}

}  // namespace
}  // namespace corroborate::store
