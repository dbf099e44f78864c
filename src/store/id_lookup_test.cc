// Tests of looking many ids up at once (id_lookup.h) on both engines, and of ingest where the
// ids it looked up ahead change under it: an article repeated within one batch.
#include "store/id_lookup.h"

#include <gtest/gtest.h>

#include "store/test_util.h"

namespace corroborate::store {
namespace {

using namespace testing_util;
CORROBORATE_ON_EACH_ENGINE(IdLookup);

// 150 stored articles span three statements of 64 ids. Asked for them mixed with ids that are not
// stored (one repeated, one with quotes and non-ASCII letters), LookUpIds finds exactly the stored
// ones, each with the rowid and raw hash that looking its id up alone gives.
TEST_P(IdLookup, FindsExactlyTheStoredIdsAsSingleLookUpsDo) {
  TempDb tmp;
  {
    auto store = OpenOrDie(tmp.path());
    ASSERT_TRUE(store);
    std::string body;
    for (int i = 0; i < 150; ++i) {
      body += Line("s" + std::to_string(i), "Outlet " + std::to_string(i % 7),
                   "Kelvra Mills opened plant number " + std::to_string(i) + " in Osterby on Tuesday.");
    }
    Result<IngestReport> r = store->IngestJsonLines(body);
    ASSERT_TRUE(r.ok()) << r.status().message();
    ASSERT_EQ(r->accepted, 150u);
  }
  Result<Db> db = Db::Open(tmp.path(), /*read_only=*/true, 1000);
  ASSERT_TRUE(db.ok()) << db.status().message();

  std::vector<std::string> ids;
  for (int i = 0; i < 150; ++i) {
    ids.push_back("s" + std::to_string(i));
    if (i % 10 == 0) ids.push_back("absent" + std::to_string(i));
  }
  ids.push_back("absent0");
  ids.push_back("it's \"quoted\" – Ærø");
  Result<StoredIds> found = LookUpIds(*db, ids);
  ASSERT_TRUE(found.ok()) << found.status().message();
  EXPECT_EQ(found->size(), 150u);
  for (const std::string& id : ids) {
    Stmt one = db->Prepare("SELECT rowid, raw_hash FROM articles WHERE id = ?1");
    one.Bind(1, id);
    const StepResult r = one.Step();
    ASSERT_NE(r, StepResult::kError) << one.status().message();
    auto it = found->find(id);
    if (r == StepResult::kDone) {
      EXPECT_EQ(it, found->end()) << id;
      continue;
    }
    ASSERT_NE(it, found->end()) << id;
    EXPECT_EQ(it->second.rowid, one.Int(0)) << id;
    EXPECT_EQ(it->second.raw_hash, one.Text(1)) << id;
  }

  Result<StoredIds> none = LookUpIds(*db, {});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

// One batch holds an article, the same line again, and its id with other text. All three were
// looked up together before any was stored (all absent then); what the batch stored itself must
// still count: the copy is a duplicate and the changed one is rejected as a reused id (or, when the
// store keeps versions, stored as version 2), exactly as when they come in separate batches.
TEST_P(IdLookup, AnArticleRepeatedWithinOneBatch) {
  const std::string first = Line("r1", "Alpha Post", "Kelvra Mills will close its Osterby plant in May, cutting 120 jobs.");
  const std::string changed = Line("r1", "Alpha Post", "Kelvra Mills will keep its Osterby plant open after all.");
  const std::string other = Line("r2", "Beta Daily", "Osterby's council approved a new bridge over the river on Monday.");
  for (bool versions : {false, true}) {
    for (size_t batch : {size_t{1}, size_t{1000}}) {
      TempDb tmp;
      StoreOptions options;
      options.batch_articles = batch;
      options.versions = versions;
      auto store = OpenOrDie(tmp.path(), options);
      ASSERT_TRUE(store);
      Result<IngestReport> r = store->IngestJsonLines(first + first + changed + other);
      ASSERT_TRUE(r.ok()) << r.status().message();
      const std::string where = "batch " + std::to_string(batch) + (versions ? ", versions" : "");
      EXPECT_EQ(r->accepted, 2u) << where;
      EXPECT_EQ(r->duplicates, 1u) << where;
      if (versions) {
        EXPECT_EQ(r->versions, 1u) << where;
        EXPECT_TRUE(r->rejected.empty()) << where;
      } else {
        EXPECT_EQ(r->versions, 0u) << where;
        ASSERT_EQ(r->rejected.size(), 1u) << where;
        EXPECT_EQ(r->rejected[0].line, 3u) << where;
        EXPECT_NE(r->rejected[0].reason.find("different content"), std::string::npos) << where;
      }
      EXPECT_EQ(*store->ArticleCount(), 2) << where;
    }
  }
}

}  // namespace
}  // namespace corroborate::store
