// The store's write side: commits a batch of analysed articles in one transaction (cluster
// assignment, article rows, search index, the touched stories' reports). One Writer per process
// holds the write connection and the clusterer, rebuilt from the stored features. Tested in
// store_test.cc.
//
//   Writer w(std::move(db));
//   BatchOutcome out;
//   Status s = w.CommitBatch(pending, out);   // out.acknowledged: durable once s is OK
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "cluster/story_clusterer.h"
#include "ingest/document.h"
#include "ingest/input_reader.h"
#include "pipeline/analyze_runner.h"
#include "store/db.h"
#include "store/search_words.h"
#include "store/story_changes.h"

namespace corroborate::store {

// One article read and waiting for its batch.
struct PendingArticle {
  std::string id;
  std::string source;   // for problems
  size_t line = 0;
  std::string raw_hash;
  bool known = false;   // already stored with this hash when read: not cleaned, counted a duplicate
  int64_t rowid = 0;    // once inserted
  uint64_t search_words = 0;  // its search words asked for ahead (SearchWordsAhead), 0 if not
  AnalyzedArticle analysed;
  cluster::ArticleFeatures features;
  cluster::TermLabels labels;  // the words of each of its terms, for the `why` of its assignment
  std::string analysis;        // `analysed` as stored (analysis_codec.h); "" when the build has no id
};

struct BatchOutcome {
  size_t accepted = 0;
  size_t duplicates = 0;
  size_t versions = 0;                    // new versions of stored articles
  std::vector<InputProblem> rejected;
  std::vector<std::string> acknowledged;  // ids stored or already there, input order
  std::set<uint32_t> stories;             // touched
  std::set<uint32_t> gone;                // merged into another story (or emptied) by this batch
};

// Hash of what the container gave for one article (kind, body, metadata): two readings of the
// same input hash the same, any change to it does not.
std::string RawHash(const RawDocument& doc);

// Why an article whose id is stored with another hash is rejected.
std::string ReusedIdReason(const std::string& id);

class Writer {
 public:
  // `threads`: 1 rebuilds a batch's stories on the calling thread; any other count analyses them
  // with tbb::parallel_for in the arena the caller runs in (the ingest runner's). `versions`: an
  // id stored with other content is a new version (StoreOptions::versions), else rejected.
  explicit Writer(Db db, size_t threads = 1, bool versions = false)
      : db_(std::move(db)), threads_(threads), versions_(versions) {}
  // Saves the clusterer's state for the next process when enough was added since it was last
  // saved (SaveStateAtClose); a failure only means a slower next start.
  ~Writer();
  Writer(Writer&&) = delete;

  // Stores the batch in one transaction. On failure nothing of the batch is stored and `out` is
  // to be ignored; the clusterer is rebuilt from the store on the next call. `first`, when given,
  // runs in the transaction before anything is stored (a worker takes its queue rows there): a
  // failure it returns rolls the transaction back, and the clusterer is kept (it saw nothing).
  Status CommitBatch(std::vector<PendingArticle>& batch, BatchOutcome& out,
                     const std::function<Status(Db&)>& first = {});

  Result<int64_t> StoryCount();

  // Replays, in a read transaction and without the write lock, the articles other processes
  // committed since this writer last looked, so that its next commit's catch-up (under the lock,
  // in the ordered step) has only those committed in between. Committed articles never change and
  // commit in order, so replaying them early leaves the clusterer as replaying them under the lock
  // would. A worker calls it while it waits for its turn. Does nothing before the first commit
  // (loading the saved state and realigning stay under the lock).
  Status CatchUpWithoutLock();

  // Where new articles' search words asked for ahead are taken from (PendingArticle::search_words);
  // it must outlive the writer.
  void UseSearchWords(SearchWordsAhead* words) { words_ = words; }

  // Runs `fn` in a transaction of its own on the write connection (small state the store keeps
  // besides articles, such as the feed watcher's).
  Status InTransactionOnWriter(const std::function<Status(Db&)>& fn) {
    return InWriteTransaction(db_, [&] { return fn(db_); });
  }

 private:
  // Replays the features of articles stored since the clusterer last saw the store (by another
  // process, or all of them after opening), under the write lock. After a replay from the first
  // article, the stored stories and storylines are brought in line with the replayed clusterer
  // (a store written by an earlier version of it, or before storylines): `out` gets the stories
  // to recompute and those that are gone.
  // The clusterer starts from the stored state when there is one that loads and agrees with the
  // store (cluster_state.h), else from nothing.
  Status CatchUp(BatchOutcome& out);
  // Replays the articles after replayed_rowid_ in the transaction open; `stored`, when given,
  // gets each one's (rowid, stored story).
  Status Replay(std::vector<std::pair<int64_t, uint32_t>>* stored);
  // Whether the clusterer's last articles are the store's last ones, in the stories stored.
  Result<bool> AgreesWithStore();
  // Saves the clusterer's state in the open transaction when the articles it has seen since the
  // stored state are many: at least kStateEveryArticles and an eighth of all (so saving costs a
  // bounded share of ingest, and a process killed replays at most that many on its next start).
  Status SaveStateIfDue();
  // At the end: saves it, in a transaction of its own, when at least 1/256 of the articles are new
  // to the stored state (the next start replays fewer than that) and no newer state is stored.
  Status SaveStateAtClose();
  Status Realign(const std::vector<std::pair<int64_t, uint32_t>>& stored, BatchOutcome& out);
  Status StoreBatch(std::vector<PendingArticle>& batch, BatchOutcome& out);
  // Stores `p` as the next version of the article at `rowid` (or as a duplicate, when its cleaned
  // content is the stored one's), keeping the current version and listing what changed.
  Status StoreVersion(PendingArticle& p, int64_t rowid, std::map<int64_t, const AnalyzedArticle*>& known,
                      std::set<int64_t>& fresh, BatchOutcome& out);
  // Whether `raw_hash` is known to give a stored version of the article at `rowid` (besides its
  // current raw input, which the caller compares).
  Result<bool> KnownHash(int64_t rowid, const std::string& raw_hash);

  // Keeps a committed batch's analysed articles for later batches' story rebuilds, up to
  // kRecentArticles (oldest dropped first): a story's articles mostly arrive within a few batches.
  void Remember(std::vector<PendingArticle>& batch);
  void Forget();

  Db db_;
  size_t threads_ = 1;
  bool versions_ = false;
  std::unique_ptr<cluster::StoryClusterer> clusterer_;
  int64_t replayed_rowid_ = 0;
  size_t state_articles_ = 0;  // articles the stored state covers, as far as this writer knows
  std::map<int64_t, AnalyzedArticle> recent_;  // by rowid
  SearchWordsAhead* words_ = nullptr;
};

}  // namespace corroborate::store
