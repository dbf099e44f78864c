// The store's insides shared by its source files (store.cc: opening, reads, ingest; worker.cc: the
// work queue's workers). Not for use outside src/store. Tested in store_test.cc, worker_test.cc.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/id_lookup.h"
#include "store/search_words.h"
#include "store/store.h"
#include "store/writer.h"

namespace corroborate::store {

struct Store::Impl {
  std::string path;
  StoreOptions options;
  std::mutex write_mu;  // one batch at a time from this process
  std::unique_ptr<SearchWordsAhead> words;  // PostgreSQL: new articles' search words, asked for in Prepare
  std::unique_ptr<Writer> writer;
  std::mutex pool_mu;
  std::vector<Db> idle_readers;
  std::function<void()> commit_listener;  // set before any ingest (SetCommitListener)

  Result<Db> TakeReader() {
    {
      std::lock_guard lock(pool_mu);
      if (!idle_readers.empty()) {
        Db db = std::move(idle_readers.back());
        idle_readers.pop_back();
        return db;
      }
    }
    return Db::Open(path, /*read_only=*/true, options.busy_timeout_ms);
  }
  void GiveBack(Db db) {
    std::lock_guard lock(pool_mu);
    idle_readers.push_back(std::move(db));
  }
  // Runs `query(db)` on a pooled read connection.
  template <typename F>
  auto Read(F&& query) -> decltype(query(std::declval<Db&>())) {
    Result<Db> db = TakeReader();
    if (!db.ok()) return db.status();
    auto result = query(*db);
    GiveBack(db.take());
    return result;
  }

  // Runs `write(db)` in one transaction on the write connection, between ingest batches.
  template <typename F>
  Status Write(F&& write) {
    std::lock_guard lock(write_mu);
    return writer->InTransactionOnWriter([&](Db& db) { return write(db); });
  }

  // Reads with `read`, prepares each article on options.threads threads and batches and commits
  // them in input order.
  Result<IngestReport> IngestWith(const ReadFunction& read, const ProblemCallback& on_problem,
                                  const CommitCallback& on_commit, const ReadCallback& on_read);

  // One article as the parallel step leaves it for the in-order step.
  struct Prepared {
    PendingArticle article;
    std::optional<InputProblem> problem;  // set when it cannot be stored
    uint64_t commits_seen = 0;            // `commits` when its id was looked up
    size_t body_bytes = 0;                // for the ReadCallback
  };
  // What the store holds under an article's id: nothing, the same raw input, or another.
  enum class Stored { kNo, kSame, kDifferent };
  // Looks the article's id up and acts on it: the same raw input marks it known (a duplicate, to
  // be confirmed by its batch), another makes it a problem (the id is reused). With `ahead`, an
  // answer LookUpAhead left for the id is taken instead (and x.commits_seen set to its time).
  Stored LookUp(Prepared& x, bool ahead = false);
  // Turns a raw document into a pending article, or a problem when it cannot be stored. Any thread.
  Prepared Prepare(RawDocument&& doc);

  // Looks the ids of `docs` up together, for Prepare to take the answers from: one statement for
  // many articles instead of one each (a round trip each on PostgreSQL). A failed look-up leaves
  // no answers: Prepare looks up alone.
  void LookUpAhead(const std::vector<std::string>& ids);
  // `read` with its documents handed on in groups whose ids LookUpAhead looked up first (what it
  // reports, documents and problems, still in its order).
  ReadFunction ReadLookingUpAhead(const ReadFunction& read);
  struct Answer {
    std::optional<StoredId> row;  // none: not stored
    uint64_t commits = 0;         // `commits` before the look-up
  };
  std::mutex ahead_mu;
  std::unordered_map<std::string, Answer> ahead;  // by id; taken (erased) by Prepare
  int ahead_users = 0;                            // ingests running (they share `ahead`)

  // Batches this object has committed. Prepare may run ahead of the commits (on another thread):
  // the in-order step looks an id up again only when a batch committed after Prepare looked.
  std::atomic<uint64_t> commits{0};
};

}  // namespace corroborate::store
