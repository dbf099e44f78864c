// Tests of the clusterer's state kept in the store (cluster_state.h, writer.cc): a store reopened
// from its saved state stores the next articles exactly as one that replays every article (merges,
// moves and storylines included), without reading the stored features; a state that is damaged or
// belongs to other articles is dropped and everything replayed.
#include <gtest/gtest.h>

#include "store/flood_articles.h"
#include "store/store.h"
#include "store/test_util.h"

namespace corroborate::store {
namespace {

using namespace testing_util;
CORROBORATE_ON_EACH_ENGINE(ClusterStateStore);

// Two stories of one flood 28 days apart, then the article between them (which merges them) and a
// later development (its storyline); a flood report and a school's shelter, then a report of both
// (after which the school article moves to the flood story). Each pair: (first session, second).
struct Sessions {
  std::string first, second, change;
};
const Sessions kMerge{kFloodA + kFloodB, kFloodBridge + kLeveeRebuilt, "story_merged"};
const Sessions kMove{kShelterFlood + kShelterSchool, kShelterBoth, "article_moved"};

void IngestOrDie(const std::string& path, const std::string& body) {
  auto s = OpenOrDie(path);
  ASSERT_TRUE(s);
  Result<IngestReport> r = s->IngestJsonLines(body, "test");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_TRUE(r->rejected.empty()) << r->rejected[0].reason;
}

Db OpenDb(const std::string& path) {
  Result<Db> db = Db::Open(path, false, 1000);
  EXPECT_TRUE(db.ok());
  return db.ok() ? db.take() : Db();
}

std::vector<std::string> Rows(const std::string& path, const std::string& sql) {
  Db db = OpenDb(path);
  Stmt s = db.Prepare(sql);
  std::vector<std::string> rows;
  while (s.Step() == StepResult::kRow) {
    std::string row;
    for (int c = 0; c < 6; ++c) row += std::string(s.Text(c)) + "|";
    rows.push_back(row);
  }
  EXPECT_TRUE(s.status().ok()) << s.status().message();
  return rows;
}

// Everything the clusterer decides, as stored.
std::vector<std::string> Clustering(const std::string& path) {
  std::vector<std::string> all = Rows(path, "SELECT id, story, duplicate_of, why, '', '' FROM articles ORDER BY rowid");
  for (const std::string& r : Rows(path, "SELECT id, headline, storyline, link, report, '' FROM stories ORDER BY id")) {
    all.push_back(r);
  }
  for (const std::string& r :
       Rows(path, "SELECT at_article, kind, from_id, to_id, article, shared FROM cluster_history ORDER BY seq")) {
    all.push_back(r);
  }
  return all;
}

int64_t Scalar(const std::string& path, const std::string& sql) {
  Db db = OpenDb(path);
  Stmt s = db.Prepare(sql);
  EXPECT_EQ(s.Step(), StepResult::kRow) << s.status().message();
  return s.Int(0);
}

void Exec(const std::string& path, const std::string& sql) {
  Db db = OpenDb(path);
  Status s = db.Exec(sql);
  EXPECT_TRUE(s.ok()) << s.message();
}

// The reference: the second session replays every stored article.
std::vector<std::string> Replayed(const Sessions& x) {
  TempDb db;
  IngestOrDie(db.path(), x.first);
  Exec(db.path(), "DELETE FROM cluster_state; DELETE FROM cluster_state_info");
  IngestOrDie(db.path(), x.second);
  return Clustering(db.path());
}

TEST_P(ClusterStateStore, AReopenedStoreGoesOnFromItsSavedStateExactlyAsByReplaying) {
  for (const Sessions& x : {kMerge, kMove}) {
    SCOPED_TRACE(x.change);
    const std::vector<std::string> replayed = Replayed(x);
    const int64_t first = 2;  // articles in each first session
    TempDb db;
    IngestOrDie(db.path(), x.first);
    // Closing the store saved the state of the first session's articles.
    EXPECT_EQ(Scalar(db.path(), "SELECT last_article FROM cluster_state_info"), first);
    EXPECT_EQ(Scalar(db.path(), "SELECT articles FROM cluster_state_info"), first);
    // Stored features that cannot be read would fail a replay: the second session must not need them.
    Exec(db.path(), CurrentEngine() == Engine::kSqlite ? "UPDATE articles SET features = x'00'"
                                                        : "UPDATE articles SET features = '\\x00'::bytea");
    IngestOrDie(db.path(), x.second);
    EXPECT_EQ(Clustering(db.path()), replayed);
    EXPECT_EQ(Scalar(db.path(), "SELECT last_article FROM cluster_state_info"), Scalar(db.path(), "SELECT max(rowid) FROM articles"));
    // The second session made the change this pair is about.
    EXPECT_GT(Scalar(db.path(), "SELECT count(*) FROM cluster_history WHERE kind = '" + x.change + "' AND at_article > " +
                                    std::to_string(first)),
              0);
  }
}

TEST_P(ClusterStateStore, ADamagedStateIsDroppedAndEverythingReplayed) {
  const std::vector<std::string> replayed = Replayed(kMerge);
  TempDb db;
  IngestOrDie(db.path(), kMerge.first);
  Exec(db.path(), CurrentEngine() == Engine::kSqlite
                      ? "UPDATE cluster_state SET data = CAST(zeroblob(length(data)) AS BLOB) WHERE part = 0"
                      : "UPDATE cluster_state SET data = decode(repeat('00', length(data)), 'hex') WHERE part = 0");
  IngestOrDie(db.path(), kMerge.second);
  EXPECT_EQ(Clustering(db.path()), replayed);
}

// SQLite only: ATTACH copies the rows between the two files.
TEST(ClusterStateStoreSqlite, AStateOfOtherArticlesIsDroppedAndEverythingReplayed) {
  const std::vector<std::string> replayed = Replayed(kMerge);
  TempDb other, db;
  IngestOrDie(other.path(), kFloodB + kFloodA);  // the same articles in another order
  IngestOrDie(db.path(), kMerge.first);
  Exec(db.path(), "ATTACH '" + other.path() + "' AS o; DELETE FROM cluster_state; DELETE FROM cluster_state_info; "
                  "INSERT INTO cluster_state SELECT * FROM o.cluster_state; "
                  "INSERT INTO cluster_state_info SELECT * FROM o.cluster_state_info;");
  IngestOrDie(db.path(), kMerge.second);
  EXPECT_EQ(Clustering(db.path()), replayed);
  EXPECT_EQ(Scalar(db.path(), "SELECT last_article FROM cluster_state_info"), 4);
}

}  // namespace
}  // namespace corroborate::store
