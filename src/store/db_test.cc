// Tests of the engine-neutral connection (db.h) where the engines could differ: the PostgreSQL
// backend's parameter translation and URL redaction (pg_db.h), and TimeLimit on both engines.
#include "store/db.h"

#include <gtest/gtest.h>

#include "store/pg_db.h"
#include "store/test_util.h"

namespace corroborate::store {
namespace {

using namespace testing_util;
CORROBORATE_ON_EACH_ENGINE(DbOnEachEngine);

TEST(PostgresParameters, NumbersOutsideQuotesAndCommentsOnly) {
  int params = 0;
  EXPECT_EQ(PostgresParameters("SELECT a FROM t WHERE id = ?1 AND b = ?12", params),
            "SELECT a FROM t WHERE id = $1 AND b = $12");
  EXPECT_EQ(params, 12);
  // A ? inside a string, a quoted name or a comment is text, not a parameter.
  EXPECT_EQ(PostgresParameters("SELECT '?1', \"x?2\" -- ?3\n, ?4", params), "SELECT '?1', \"x?2\" -- ?3\n, $4");
  EXPECT_EQ(params, 4);
  EXPECT_EQ(PostgresParameters("SELECT 'it''s ?1', ?2", params), "SELECT 'it''s ?1', $2");
  EXPECT_EQ(params, 2);
  EXPECT_EQ(PostgresParameters("SELECT 1", params), "SELECT 1");
  EXPECT_EQ(params, 0);
}

TEST(PostgresParameters, RedactedUrlHidesOnlyThePassword) {
  EXPECT_EQ(RedactedUrl("postgresql://ann:s3cret@db.example:5432/news"), "postgresql://ann:***@db.example:5432/news");
  EXPECT_EQ(RedactedUrl("postgresql://ann@db.example/news"), "postgresql://ann@db.example/news");
  EXPECT_EQ(RedactedUrl("postgresql:///news?host=/run/pg"), "postgresql:///news?host=/run/pg");
}

// A statement that would run for seconds stops at its TimeLimit with kLimitExceeded on either
// engine, and the connection runs statements without a limit afterwards.
TEST_P(DbOnEachEngine, TimeLimitStopsALongStatement) {
  TempDb tmp;
  Result<Db> db = Db::Open(tmp.path(), false, 1000);
  ASSERT_TRUE(db.ok()) << db.status().message();
  const std::string slow = GetParam() == Engine::kSqlite
                               ? "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n WHERE x < 0"
                               : "SELECT pg_sleep(30)";
  {
    TimeLimit limit(*db, std::chrono::milliseconds(50));
    Stmt s = db->Prepare(slow);
    EXPECT_EQ(s.Step(), StepResult::kError);
    EXPECT_EQ(s.status().code(), StatusCode::kLimitExceeded) << s.status().message();
  }
  Stmt quick = db->Prepare("SELECT 41 + 1");
  ASSERT_EQ(quick.Step(), StepResult::kRow) << quick.status().message();
  EXPECT_EQ(quick.Int(0), 42);
}

// Typed values come back as bound, and a failed statement inside a write transaction fails the
// transaction (on PostgreSQL the insert is queued, its failure read at COMMIT).
TEST_P(DbOnEachEngine, ValuesRoundTripAndAFailedWriteFailsItsTransaction) {
  TempDb tmp;
  Result<Db> db = Db::Open(tmp.path(), false, 1000);
  ASSERT_TRUE(db.ok()) << db.status().message();
  const std::string bytes = GetParam() == Engine::kSqlite ? "BLOB" : "BYTEA";
  ASSERT_TRUE(db->Exec("CREATE TABLE t (k BIGINT PRIMARY KEY, s TEXT, d DOUBLE PRECISION, b " + bytes + ")").ok());
  const std::string blob("\0\x01\xff", 3);
  Status s = InWriteTransaction(*db, [&] {
    Stmt ins = db->Prepare("INSERT INTO t (k, s, d, b) VALUES (?1, ?2, ?3, ?4)");
    ins.Bind(1, int64_t{-5000000000});
    ins.Bind(2, "héllo");
    ins.BindDouble(3, 0.125);
    ins.BindBlob(4, blob);
    return ins.Run();
  });
  ASSERT_TRUE(s.ok()) << s.message();
  Stmt sel = db->Prepare("SELECT k, s, d, b FROM t");
  ASSERT_EQ(sel.Step(), StepResult::kRow) << sel.status().message();
  EXPECT_EQ(sel.Int(0), -5000000000);
  EXPECT_EQ(sel.Text(1), "héllo");
  EXPECT_EQ(sel.Double(2), 0.125);
  EXPECT_EQ(sel.Blob(3), blob);
  EXPECT_EQ(sel.Text(0), "-5000000000");  // a number read as text, as SQLite gives it

  Status dup = InWriteTransaction(*db, [&] {
    Stmt ins = db->Prepare("INSERT INTO t (k, s, d, b) VALUES (?1, 'x', 0, NULL)");
    ins.Bind(1, int64_t{7});
    if (Status r = ins.Run(); !r.ok()) return r;
    ins.Bind(1, int64_t{-5000000000});  // the key taken above
    return ins.Run();
  });
  EXPECT_FALSE(dup.ok());
  Stmt count = db->Prepare("SELECT count(*) FROM t");
  ASSERT_EQ(count.Step(), StepResult::kRow);
  EXPECT_EQ(count.Int(0), 1);  // the row with key 7 was rolled back with the failure
}

// Many writes queued in one transaction, far more answers than the socket's buffers hold (each a
// few dozen bytes on PostgreSQL, whose pipeline is read only at the next statement with rows):
// the writes neither block nor get lost, and a read in the middle sees every one queued before it.
TEST_P(DbOnEachEngine, ManyQueuedWritesInOneTransaction) {
  TempDb tmp;
  Result<Db> db = Db::Open(tmp.path(), false, 1000);
  ASSERT_TRUE(db.ok()) << db.status().message();
  ASSERT_TRUE(db->Exec("CREATE TABLE t (k BIGINT PRIMARY KEY, s TEXT)").ok());
  constexpr int64_t kRows = 60000;
  int64_t halfway = -1;
  Status s = InWriteTransaction(*db, [&]() -> Status {
    Stmt ins = db->Prepare("INSERT INTO t (k, s) VALUES (?1, ?2)");
    for (int64_t k = 0; k < kRows; ++k) {
      ins.Bind(1, k);
      ins.Bind(2, "row " + std::to_string(k));
      if (Status r = ins.Run(); !r.ok()) return r;
      if (k == kRows / 2) {
        Stmt count = db->Prepare("SELECT count(*) FROM t");
        if (count.Step() != StepResult::kRow) return count.status();
        halfway = count.Int(0);
      }
    }
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(halfway, kRows / 2 + 1);
  Stmt count = db->Prepare("SELECT count(*), CAST(sum(k) AS BIGINT) FROM t");
  ASSERT_EQ(count.Step(), StepResult::kRow) << count.status().message();
  EXPECT_EQ(count.Int(0), kRows);
  EXPECT_EQ(count.Int(1), kRows * (kRows - 1) / 2);
}

}  // namespace
}  // namespace corroborate::store
