// Tests of the store's schema and migrations (from an empty store on both engines, from an earlier
// version on SQLite) and of the features blob the clusterer is replayed from.
#include "store/schema.h"

#include <gtest/gtest.h>

#include "cluster/features.h"
#include "store/features_codec.h"
#include "store/test_util.h"

namespace corroborate::store {
namespace {

using namespace testing_util;
namespace fs = std::filesystem;
CORROBORATE_ON_EACH_ENGINE(Migrations);

TEST_P(Migrations, MigratesAnEmptyStoreToTheCurrentVersion) {
  TempDb tmp;
  Result<Db> db = Db::Open(tmp.path(), false, 1000);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(Migrate(*db).ok());
  Result<int> v = SchemaVersion(*db);
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, kSchemaVersion);
  std::vector<std::string> tables = {"articles", "mentions", "stories", "events", "event_sources", "evidence",
                                     "claims", "cluster_history", "cluster_state"};
  if (GetParam() == Engine::kSqlite) tables.push_back("articles_fts");  // PostgreSQL: articles.search
  for (const std::string& table : tables) {
    Stmt s = db->Prepare("SELECT count(*) FROM " + table);
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

// Every batch rebuilds the stories it touched, deleting and reading their rows by story: a table
// with a story column that had to be scanned whole would make ingest slow down as the store grows.
TEST(Schema, EveryTableWithAStoryColumnIsFoundByStory) {
  TempDb tmp;
  Result<Db> db = Db::Open(tmp.path(), false, 1000);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(Migrate(*db).ok());
  Stmt tables = db->Prepare(
      "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type = 'table' AND c.name = 'story'");
  int checked = 0;
  while (tables.Step() == StepResult::kRow) {
    const std::string table(tables.Text(0));
    Stmt plan = db->Prepare("EXPLAIN QUERY PLAN DELETE FROM " + table + " WHERE story = 1");
    ASSERT_EQ(plan.Step(), StepResult::kRow) << table;
    EXPECT_EQ(plan.Text(3).find("SCAN"), std::string::npos) << table << ": " << plan.Text(3);
    ++checked;
  }
  // articles, events, event_roles, event_sources, evidence and story_entities have one, since
  // migration 4 corrections and changes, and since migration 5 claims.
  EXPECT_EQ(checked, 9);
}

// Version 5 fills the claims and the events' origins from the reports a version 4 store holds:
// the same rows ingest writes today (story_builder.cc). The version 4 store is made by storing
// the examples and taking away what versions 5 to 7 added.
TEST(Schema, ClaimsAreFilledFromStoredReportsAsIngestWritesThem) {
  TempDb tmp;
  {
    auto store = OpenOrDie(tmp.path());
    ASSERT_TRUE(store);
    Result<IngestReport> r = store->Ingest({kExamples}, {});
    ASSERT_TRUE(r.ok());
  }
  Result<Db> db = Db::Open(tmp.path(), false, 1000);
  ASSERT_TRUE(db.ok());
  const std::vector<std::string> written = FactRows(*db);
  // examples/README.md: 04's 1,100 job cuts conflict with the others' 900, so a claim is unsettled.
  auto unsettled_1100 = [](const std::string& row) {
    return row.find("|1100|integer|exact|") != std::string::npos && row.find("|0|{") != std::string::npos;
  };
  ASSERT_TRUE(std::any_of(written.begin(), written.end(), unsettled_1100));
  // Migrations 6 (storylines), 7 (the clusterer's state), 8 (the work queue) and 9 (the articles'
  // analysis) came after and are run again, so what they added goes too.
  ASSERT_TRUE(db->Exec("DROP TABLE claims; ALTER TABLE events DROP COLUMN outlets; "
                       "ALTER TABLE events DROP COLUMN origins; "
                       "DROP INDEX stories_storyline; ALTER TABLE stories DROP COLUMN storyline; "
                       "ALTER TABLE stories DROP COLUMN link; ALTER TABLE articles DROP COLUMN why; "
                       "DROP TABLE cluster_history; DROP TABLE cluster_state; DROP TABLE cluster_state_info; "
                       "DROP TABLE work_queue; DROP TABLE article_analysis; PRAGMA user_version = 4").ok());
  ASSERT_TRUE(Migrate(*db).ok());
  EXPECT_EQ(FactRows(*db), written);
}

TEST_P(Migrations, RefusesOtherDatabasesAndNewerVersions) {
  TempDb other;
  {
    Result<Db> db = Db::Open(other.path(), false, 1000);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->Exec("CREATE TABLE t (x INTEGER)").ok());
  }
  EXPECT_FALSE(Store::Open(other.path(), StoreOptions{}).ok());

  TempDb newer;
  {
    Result<Db> db = Db::Open(newer.path(), false, 1000);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(Migrate(*db).ok());
    const std::string newer_version = std::to_string(kSchemaVersion + 1);
    ASSERT_TRUE(db->Exec(GetParam() == Engine::kSqlite ? "PRAGMA user_version = " + newer_version
                                                       : "UPDATE store_meta SET version = " + newer_version)
                    .ok());
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

}  // namespace
}  // namespace corroborate::store
