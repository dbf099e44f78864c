// Tests of the work queue (work_queue.h) and of one worker (Store::Work): claims in queue order and
// never shared, leases that pass, the fence that keeps a worker that lost its lease from
// committing, and a worker's store against one ingest's. Several workers and their faults:
// tests/workers.
#include "store/work_queue.h"

#include <gtest/gtest.h>

#include "store/schema.h"
#include "store/test_util.h"

namespace corroborate::store {
namespace {

using namespace testing_util;

RawDocument Doc(const std::string& id) {
  RawDocument d;
  d.id = id;
  d.source = "q.jsonl";
  d.body = "Text of " + id + ".";
  return d;
}

struct QueueTest : ::testing::Test {
  void SetUp() override {
    Result<Db> opened = Db::Open(tmp.path(), false, 1000);
    ASSERT_TRUE(opened.ok());
    db = opened.take();
    ASSERT_TRUE(Migrate(db).ok());
    std::vector<RawDocument> docs;
    for (int i = 1; i <= 5; ++i) docs.push_back(Doc("a" + std::to_string(i)));
    ASSERT_TRUE(InWriteTransaction(db, [&] { return EnqueueDocuments(db, docs); }).ok());
  }
  std::vector<int64_t> ClaimSeqs(const std::string& owner, size_t n, int64_t lease_ms) {
    std::vector<int64_t> seqs;
    Status s = InWriteTransaction(db, [&]() -> Status {
      Result<std::vector<QueuedDocument>> got = Claim(db, owner, n, lease_ms);
      if (!got.ok()) return got.status();
      for (const QueuedDocument& q : *got) seqs.push_back(q.seq);
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return seqs;
  }
  Result<bool> Take(const std::string& owner, const std::vector<int64_t>& seqs) {
    Result<bool> taken = false;
    Status s = InWriteTransaction(db, [&]() -> Status {
      taken = TakeForCommit(db, owner, seqs);
      return taken.ok() ? Status::Ok() : taken.status();
    });
    if (!s.ok()) return s;
    return taken;
  }
  TempDb tmp;
  Db db;
};

TEST_F(QueueTest, ClaimsComeInQueueOrderAndAreNeverShared) {
  EXPECT_EQ(ClaimSeqs("A", 2, 60000), (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(ClaimSeqs("B", 2, 60000), (std::vector<int64_t>{3, 4}));
  EXPECT_EQ(ClaimSeqs("A", 9, 60000), (std::vector<int64_t>{5}));
  EXPECT_TRUE(ClaimSeqs("B", 9, 60000).empty());
  // The document comes back as it was queued.
  Result<int64_t> first = FirstSeqNotOwnedBy(db, "A");
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(*first, 3);  // B's rows: A may commit 1 and 2 only
}

TEST_F(QueueTest, ACommitMustBeTheNextTurnAndHeldByItsWorker) {
  ClaimSeqs("A", 2, 60000);
  ClaimSeqs("B", 2, 60000);
  // B's rows come after A's, which are still queued: not B's turn.
  Result<bool> b = Take("B", {3, 4});
  ASSERT_TRUE(b.ok());
  EXPECT_FALSE(*b);
  // Rows A does not hold are not A's to commit.
  Result<bool> a = Take("A", {1, 2, 3});
  ASSERT_TRUE(a.ok());
  EXPECT_FALSE(*a);
  a = Take("A", {1, 2});
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(*a);
  b = Take("B", {3, 4});
  ASSERT_TRUE(b.ok());
  EXPECT_TRUE(*b);
  Result<int64_t> left = QueueLength(db);
  ASSERT_TRUE(left.ok());
  EXPECT_EQ(*left, 1);
}

TEST_F(QueueTest, APassedLeaseIsClaimedByAnotherAndFencesItsFormerHolder) {
  // A's lease has already passed (a worker killed, frozen or cut off for longer than it).
  EXPECT_EQ(ClaimSeqs("A", 2, -1000), (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(ClaimSeqs("B", 3, 60000), (std::vector<int64_t>{1, 2, 3}));
  Result<bool> a = Take("A", {1, 2});
  ASSERT_TRUE(a.ok());
  EXPECT_FALSE(*a);  // A comes back: it must not commit what B holds now
  std::vector<int64_t> held;
  Status s = InWriteTransaction(db, [&]() -> Status {
    Result<std::vector<int64_t>> r = RenewLeases(db, "A", 60000);
    if (r.ok()) held = *r;
    return r.status();
  });
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(held.empty());
  Result<bool> b = Take("B", {1, 2, 3});
  ASSERT_TRUE(b.ok());
  EXPECT_TRUE(*b);
}

TEST_F(QueueTest, ReleasedRowsAreClaimableAtOnce) {
  ClaimSeqs("A", 3, 60000);
  ASSERT_TRUE(InWriteTransaction(db, [&] { return ReleaseLeases(db, "A", {1, 3}); }).ok());
  EXPECT_EQ(ClaimSeqs("B", 5, 60000), (std::vector<int64_t>{1, 3, 4, 5}));  // 2 is still A's
}

TEST(Worker, StoresTheQueueAsOneIngestDoes) {
  TempDb single, queued;
  StoreOptions options;
  options.batch_articles = 2;
  Result<std::unique_ptr<Store>> a = Store::Open(single.path(), options);
  Result<std::unique_ptr<Store>> b = Store::Open(queued.path(), options);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_TRUE((*a)->Ingest({kExamples}, {}).ok());
  Result<size_t> n = (*b)->Enqueue({kExamples}, {});
  ASSERT_TRUE(n.ok());
  Result<int64_t> stored = (*b)->ArticleCount();
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(*stored, 0);  // queued, not stored
  WorkerOptions w;
  w.batch_articles = 1;  // a commit per article: stories are rebuilt as they grow
  Result<WorkerReport> r = (*b)->Work(w, {});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->accepted, *n);
  EXPECT_EQ(r->batches, *n);
  Result<int64_t> left = (*b)->QueueLength();
  ASSERT_TRUE(left.ok());
  EXPECT_EQ(*left, 0);
  StoryQuery all;
  all.per_page = 100;
  Result<std::string> want = (*a)->ListStoriesJson(all), got = (*b)->ListStoriesJson(all);
  ASSERT_TRUE(want.ok() && got.ok());
  EXPECT_EQ(*got, *want);
  Result<std::string> want_story = (*a)->StoryJson("s1"), got_story = (*b)->StoryJson("s1");
  ASSERT_TRUE(want_story.ok() && got_story.ok());
  EXPECT_EQ(*got_story, *want_story);
}

}  // namespace
}  // namespace corroborate::store
