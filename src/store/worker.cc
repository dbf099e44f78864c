// The work queue's two ends (see store.h): Enqueue appends raw articles; Work claims a batch,
// prepares it on every thread, and commits it through the Writer only when every article queued
// before it is committed. Order is what makes the result one ingest's: the clusterer's assignments
// depend on the order articles arrive, so assignment (and everything after it) runs strictly in
// queue order, under the store's write lock, by whichever worker holds the next articles; the
// Writer catches up on what other workers committed before each batch. Tested in worker_test.cc
// and tests/workers.
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <limits>
#include <optional>
#include <set>
#include <thread>

#include "cluster/story_clusterer.h"
#include "pipeline/ordered_run.h"
#include "store/store_impl.h"
#include "store/work_queue.h"

namespace corroborate::store {
namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// Processor time of the whole process, in seconds.
double ProcessCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

std::string DefaultWorkerName() {
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return std::string(host) + ":" + std::to_string(getpid());
}

// Articles read are queued in transactions of this many (or of this many bytes).
constexpr size_t kEnqueueArticles = 1000;
constexpr size_t kEnqueueBytes = 64u << 20;

}  // namespace

Result<size_t> Store::Enqueue(const std::vector<std::string>& inputs, const ProblemCallback& on_problem) {
  size_t queued = 0, bytes = 0;
  std::vector<RawDocument> docs;
  Status failure;
  auto flush = [&]() -> Status {
    if (docs.empty()) return Status::Ok();
    Status s = impl_->Write([&](Db& db) { return EnqueueDocuments(db, docs); });
    if (s.ok()) queued += docs.size();
    docs.clear();
    bytes = 0;
    return s;
  };
  ReadInputs(inputs, impl_->options.read)(
      [&](RawDocument&& doc) {
        if (!failure.ok()) return;
        bytes += doc.body.size();
        docs.push_back(std::move(doc));
        if (docs.size() >= kEnqueueArticles || bytes >= kEnqueueBytes) failure = flush();
      },
      [&](const InputProblem& p) {
        if (on_problem) on_problem(p);
      });
  if (failure.ok()) failure = flush();
  if (!failure.ok()) return failure;
  return queued;
}

Result<int64_t> Store::QueueLength() {
  return impl_->Read([](Db& db) { return store::QueueLength(db); });
}

Result<WorkerReport> Store::Work(const WorkerOptions& options, const ProblemCallback& on_problem,
                                 const CommitCallback& on_commit, const std::function<bool()>& stop) {
  Impl& im = *impl_;
  WorkerReport report;
  const std::string me = options.name.empty() ? DefaultWorkerName() : options.name;
  const size_t batch_size = std::max<size_t>(options.batch_articles, 1);
  const auto start = Clock::now();
  const double start_cpu = ProcessCpuSeconds();
  PipelineOptions run;
  run.threads = im.options.threads;

  // Prepared articles this worker holds, ascending by seq (claims come in queue order).
  struct Held {
    int64_t seq;
    Impl::Prepared prepared;
  };
  std::deque<Held> held;

  // A failing store (a database restarting, a network cut) is retried with a growing pause until
  // it has failed for retry_seconds.
  std::optional<Clock::time_point> failing_since;
  int backoff_ms = 50;
  auto retry = [&](const Status& s) -> Status {
    ++report.failures;
    if (!failing_since) failing_since = Clock::now();
    if (Since(*failing_since) > options.retry_seconds) return s;
    const auto t = Clock::now();
    std::this_thread::sleep_for(std::chrono::milliseconds(backoff_ms));
    report.idle_seconds += Since(t);
    backoff_ms = std::min(backoff_ms * 2, 2000);
    return Status::Ok();
  };
  auto worked = [&] {
    failing_since.reset();
    backoff_ms = 50;
  };
  auto finish = [&]() -> Result<WorkerReport> {
    report.total_seconds = Since(start);
    report.cpu_seconds = ProcessCpuSeconds() - start_cpu;
    return report;
  };

  // Rows ours in the queue that we do not hold: those of a commit that failed, or of a claim whose
  // answer was lost when the database went away after storing it. Nobody else would take them up
  // while we renew our leases, and Claim passes over our own rows (it counts them as held): they
  // are given back before anything else, however long the store takes to answer.
  std::vector<int64_t> to_release;

  size_t accepted = 0, duplicates = 0;
  while (true) {
    bool progress = false;

    if (!to_release.empty()) {
      Status released = im.Write([&](Db& db) { return ReleaseLeases(db, me, to_release); });
      if (!released.ok()) {
        if (Status s = retry(released); !s.ok()) return s;
        continue;
      }
      worked();
      to_release.clear();
    }

    // 1. Renew our leases, then commit the prepared articles whose turn it is: those before any
    // row another holds. (Renewed with nothing held too: that is how rows of ours we do not hold
    // are found.)
    {
      const auto q0 = Clock::now();
      std::vector<int64_t> mine;
      Status renewed = im.Write([&](Db& db) -> Status {
        Result<std::vector<int64_t>> r = RenewLeases(db, me, options.lease_ms);
        if (!r.ok()) return r.status();
        mine = r.take();
        return Status::Ok();
      });
      Result<int64_t> first_other = !renewed.ok()   ? Result<int64_t>(renewed)
                                    : held.empty() ? Result<int64_t>(int64_t{0})
                                                   : im.Read([&](Db& db) { return FirstSeqNotOwnedBy(db, me); });
      report.queue_seconds += Since(q0);
      if (!first_other.ok()) {
        if (Status s = retry(first_other.status()); !s.ok()) return s;
        continue;
      }
      worked();
      std::set<int64_t> holding;
      for (const Held& h : held) holding.insert(h.seq);
      for (int64_t seq : mine) {
        if (!holding.count(seq)) to_release.push_back(seq);
      }
      if (!to_release.empty()) continue;
      // Rows whose lease passed and another worker claimed are no longer ours to store.
      const std::set<int64_t> still(mine.begin(), mine.end());
      const size_t before = held.size();
      std::erase_if(held, [&](const Held& h) { return !still.count(h.seq); });
      report.lost += before - held.size();

      size_t n = 0;
      while (n < held.size() && held[n].seq < *first_other) ++n;
      if (n == 0 && !held.empty()) {
        // Not its turn yet: replay what the others committed meanwhile, so that only the batches
        // committed from now until its turn are replayed in the ordered step, whatever the number
        // of workers. A failure is only a later replay.
        const auto r0 = Clock::now();
        const double r0_cpu = ProcessCpuSeconds();
        {
          std::lock_guard lock(im.write_mu);
          (void)im.writer->CatchUpWithoutLock();
        }
        report.replay_seconds += Since(r0);
        report.replay_cpu_seconds += ProcessCpuSeconds() - r0_cpu;
      }
      if (n > 0) {
        std::vector<PendingArticle> batch;
        std::vector<int64_t> seqs;
        std::vector<InputProblem> problems;
        for (size_t i = 0; i < n; ++i) {
          seqs.push_back(held[i].seq);
          if (held[i].prepared.problem) problems.push_back(*held[i].prepared.problem);
          else batch.push_back(std::move(held[i].prepared.article));
        }
        held.erase(held.begin(), held.begin() + static_cast<std::ptrdiff_t>(n));
        bool refused = false;
        BatchOutcome out;
        Status committed;
        Result<int64_t> story_count = int64_t{0};
        const auto c0 = Clock::now();
        const double c0_cpu = ProcessCpuSeconds();
        RunInArena(run, [&] {
          std::lock_guard lock(im.write_mu);
          // What was committed before its turn, replayed without holding the store's write lock
          // (others may claim meanwhile); still in the ordered step, so counted with the commit.
          (void)im.writer->CatchUpWithoutLock();
          committed = im.writer->CommitBatch(batch, out, [&](Db& db) -> Status {
            Result<bool> ours = TakeForCommit(db, me, seqs);
            if (!ours.ok()) return ours.status();
            if (!*ours) {
              refused = true;
              return Unsupported("the lease on these articles was lost");
            }
            return Status::Ok();
          });
          if (committed.ok()) {
            im.commits.fetch_add(1, std::memory_order_release);
            story_count = im.writer->StoryCount();
          }
        });
        report.commit_seconds += Since(c0);
        report.commit_cpu_seconds += ProcessCpuSeconds() - c0_cpu;
        if (!committed.ok()) {
          // Not stored. Our rows among them (if any are left) are given up, to be claimed afresh.
          if (refused) report.lost += seqs.size();
          to_release = seqs;
          if (!refused) {
            if (Status s = retry(committed); !s.ok()) return s;
          }
          continue;
        }
        ++report.batches;
        report.accepted += out.accepted;
        report.duplicates += out.duplicates;
        report.versions += out.versions;
        accepted += out.accepted;
        duplicates += out.duplicates;
        for (const InputProblem& p : problems) out.rejected.push_back(p);
        for (const InputProblem& p : out.rejected) {
          report.rejected.push_back(p);
          if (on_problem) on_problem(p);
        }
        if (im.commit_listener) im.commit_listener();
        if (on_commit) {
          CommitProgress progress_note;
          progress_note.acknowledged = std::move(out.acknowledged);
          progress_note.accepted = accepted;
          progress_note.duplicates = duplicates;
          progress_note.stories = story_count.ok() ? static_cast<size_t>(*story_count) : 0;
          if (Status s = on_commit(progress_note); !s.ok()) return s;
        }
        progress = true;
      }
    }

    // 2. Claim more: a new batch while holding less than two (so that one is prepared while the
    // other waits for its turn), else only rows before ours whose worker's lease passed, so that
    // articles of a dead worker never hold everyone up.
    const int64_t before = held.size() < 2 * batch_size ? std::numeric_limits<int64_t>::max() : held.front().seq;
    std::vector<QueuedDocument> claimed;
    const auto q0 = Clock::now();
    Status got = im.Write([&](Db& db) -> Status {
      Result<std::vector<QueuedDocument>> r = Claim(db, me, batch_size, options.lease_ms, before);
      if (!r.ok()) return r.status();
      claimed = r.take();
      return Status::Ok();
    });
    report.queue_seconds += Since(q0);
    if (!got.ok()) {
      if (Status s = retry(got); !s.ok()) return s;
      continue;
    }
    worked();
    if (!claimed.empty()) {
      const auto p0 = Clock::now();
      std::vector<Held> fresh;
      fresh.reserve(claimed.size());
      size_t next = 0;
      std::vector<std::string> ids;  // looked up together, not one by one in Prepare
      for (const QueuedDocument& q : claimed) ids.push_back(q.doc.id);
      im.LookUpAhead(ids);
      RunInOrder<Impl::Prepared>(
          [&](const DocumentCallback& on_doc, const ProblemCallback&) {
            for (QueuedDocument& q : claimed) on_doc(std::move(q.doc));
          },
          run, [&](RawDocument&& doc) { return im.Prepare(std::move(doc)); },
          [&](Impl::Prepared&& p) { fresh.push_back(Held{claimed[next++].seq, std::move(p)}); }, {});
      report.prepare_seconds += Since(p0);
      // Reclaimed rows may come before those held: keep `held` in seq order.
      for (Held& h : fresh) held.push_back(std::move(h));
      std::sort(held.begin(), held.end(), [](const Held& a, const Held& b) { return a.seq < b.seq; });
      progress = true;
    }

    if (!progress) {
      if (held.empty() && !options.follow) {
        Result<int64_t> left = im.Read([](Db& db) { return store::QueueLength(db); });
        if (!left.ok()) {
          if (Status s = retry(left.status()); !s.ok()) return s;
          continue;
        }
        if (*left == 0) break;
      }
      if (stop && stop()) break;
      const auto t = Clock::now();
      std::this_thread::sleep_for(std::chrono::milliseconds(options.poll_ms));
      report.idle_seconds += Since(t);
    }
  }
  return finish();
}

}  // namespace corroborate::store
