// `corroborate worker` (see worker_command.h): the command line around Store::Work, problems on
// standard error, and a summary with --stats. Tested in tests/workers.
#include "worker_command.h"

#include <signal.h>

#include <csignal>
#include <cstdio>

#include "acks_file.h"
#include "core/json_writer.h"

namespace corroborate {
namespace {

volatile std::sig_atomic_t g_stop = 0;
void OnStop(int) { g_stop = 1; }

}  // namespace

CLI::App* AddWorkerCommand(CLI::App& app, WorkerArgs& a) {
  CLI::App* c = app.add_subcommand("worker", "store the articles queued by `ingest --enqueue`, with any number of other workers");
  c->add_option("--db", a.db, "the store")->required();
  c->add_option("--acks", a.acks, "append each stored article's id (a JSON string per line) once committed");
  c->add_option("--threads", a.threads, "threads preparing articles (default: every core this process may use)");
  c->add_option("--batch", a.options.batch_articles, "articles claimed and committed at once")
      ->capture_default_str()->check(CLI::PositiveNumber);
  c->add_option("--lease", a.lease_seconds, "seconds a claim holds without renewal before another worker may take it")
      ->capture_default_str()->check(CLI::PositiveNumber);
  c->add_option("--name", a.options.name, "this worker's name, unique among the store's workers (default HOST:PID)");
  c->add_flag("--follow", a.options.follow, "wait for more work when the queue is empty, until SIGINT or SIGTERM");
  c->add_option("--retry-seconds", a.options.retry_seconds, "how long a failing store is retried before giving up")
      ->capture_default_str();
  c->add_flag("--stats", a.stats, "print where the time went, as one JSON line on standard output");
  return c;
}

int RunWorkerCommand(const WorkerArgs& args) {
  store::StoreOptions so;
  so.threads = args.threads;
  Result<std::unique_ptr<store::Store>> opened = store::Store::Open(args.db, so);
  if (!opened.ok()) {
    std::fprintf(stderr, "corroborate: %s\n", opened.status().message().c_str());
    return 1;
  }
  std::unique_ptr<AcksFile> acks;
  if (!args.acks.empty()) {
    Result<std::unique_ptr<AcksFile>> a = AcksFile::Open(args.acks);
    if (!a.ok()) {
      std::fprintf(stderr, "corroborate: %s\n", a.status().message().c_str());
      return 1;
    }
    acks = a.take();
  }
  struct sigaction stop {};
  stop.sa_handler = OnStop;
  sigemptyset(&stop.sa_mask);
  sigaction(SIGINT, &stop, nullptr);
  sigaction(SIGTERM, &stop, nullptr);

  store::WorkerOptions options = args.options;
  options.lease_ms = static_cast<int64_t>(args.lease_seconds * 1000);
  Result<store::WorkerReport> report = (*opened)->Work(
      options, [](const InputProblem& p) { std::fprintf(stderr, "%s\n", p.Format().c_str()); },
      [&](const store::CommitProgress& p) -> Status { return acks ? acks->Append(p.acknowledged) : Status::Ok(); },
      [] { return g_stop != 0; });
  if (acks) {
    if (Status s = acks->Close(); !s.ok() && report.ok()) report = s;
  }
  if (!report.ok()) {
    std::fprintf(stderr, "corroborate: %s: %s\n", args.db.c_str(), report.status().message().c_str());
    return 1;
  }
  if (args.stats) {
    const store::WorkerReport& r = *report;
    JsonWriter w;
    w.BeginObject();
    w.Key("accepted"); w.Int(static_cast<int64_t>(r.accepted));
    w.Key("duplicates"); w.Int(static_cast<int64_t>(r.duplicates));
    w.Key("rejected"); w.Int(static_cast<int64_t>(r.rejected.size()));
    w.Key("batches"); w.Int(static_cast<int64_t>(r.batches));
    w.Key("lost"); w.Int(static_cast<int64_t>(r.lost));
    w.Key("failures"); w.Int(static_cast<int64_t>(r.failures));
    w.Key("prepare_seconds"); w.Double(r.prepare_seconds);
    w.Key("commit_seconds"); w.Double(r.commit_seconds);
    w.Key("queue_seconds"); w.Double(r.queue_seconds);
    w.Key("idle_seconds"); w.Double(r.idle_seconds);
    w.Key("total_seconds"); w.Double(r.total_seconds);
    w.Key("commit_cpu_seconds"); w.Double(r.commit_cpu_seconds);
    w.Key("cpu_seconds"); w.Double(r.cpu_seconds);
    w.Key("replay_seconds"); w.Double(r.replay_seconds);
    w.Key("replay_cpu_seconds"); w.Double(r.replay_cpu_seconds);
    w.EndObject();
    std::printf("%s\n", w.str().c_str());
  }
  return report->rejected.empty() ? 0 : 3;
}

}  // namespace corroborate
