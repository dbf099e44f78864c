// `corroborate watch` (see watch_command.h): the watcher, a notifier when asked, the acks file and,
// on a terminal, a status line on standard error.
#include "watch_command.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

#include "acks_file.h"
#include "store/store.h"

namespace corroborate {
namespace {

}  // namespace

void AddWatchOptions(CLI::App* c, WatchArgs& a) {
  watch::WatchOptions& o = a.options;
  c->add_option("--poll", o.poll_interval, "seconds between two polls of one source")->capture_default_str()->check(CLI::PositiveNumber);
  c->add_option("--host-interval", o.host_interval, "seconds between two requests to one host")->capture_default_str()->check(CLI::NonNegativeNumber);
  c->add_option("--connections", o.connections, "requests in flight at most")->capture_default_str()->check(CLI::Range(1, 256));
  c->add_option("--retries", o.retries, "retries of a request after a transient failure")->capture_default_str()->check(CLI::Range(0, 10));
  c->add_option("--timeout", o.timeout_ms, "milliseconds one request may take")->capture_default_str()->check(CLI::Range(100, 600000));
  c->add_option("--max-items-per-poll", o.max_items_per_poll, "new items taken from one poll at most")->capture_default_str();
  c->add_option("--user-agent", o.user_agent, "the User-Agent sent and looked up in robots.txt")->capture_default_str();
  c->add_flag("!--no-pages", o.fetch_pages, "store each item's own text instead of fetching its page");
  c->add_option("--notify", a.notify_url, "POST a JSON notice here for each new event or conflict of a --watch-entity");
  c->add_option("--watch-entity", a.watch_entities, "an entity (canonical name) whose new events and conflicts are notified");
}

CLI::App* AddWatchCommand(CLI::App& app, WatchArgs& a) {
  CLI::App* c = app.add_subcommand("watch", "follow feeds and news sitemaps and store what they publish");
  c->add_option("--db", a.db, "the store: an SQLite file, created if missing, or a postgresql:// URL")->required();
  c->add_option("--acks", a.acks, "append each stored article's id (a JSON string per line) once committed");
  c->add_option("--threads", a.threads, "threads preparing articles (default: every core this process may use)");
  c->add_option("--batch", a.options.batch, "articles per commit at most")->capture_default_str()->check(CLI::PositiveNumber);
  c->add_flag("--once", a.options.once, "poll each source once, store what came, and exit");
  AddWatchOptions(c, a);
  c->add_option("sources", a.sources, "feed or sitemap URLs, or files listing them (one a line)")->required();
  return c;
}

int RunWatchCommand(const WatchArgs& args) {
  store::StoreOptions so;
  so.versions = true;  // a changed page is a new version of its article
  so.threads = args.threads;
  so.batch_articles = args.options.batch;
  Result<std::unique_ptr<store::Store>> opened = store::Store::Open(args.db, so);
  if (!opened.ok()) {
    std::fprintf(stderr, "corroborate: %s\n", opened.status().message().c_str());
    return 1;
  }
  store::Store& st = **opened;
  std::unique_ptr<AcksFile> acks;
  if (!args.acks.empty()) {
    Result<std::unique_ptr<AcksFile>> a = AcksFile::Open(args.acks);
    if (!a.ok()) {
      std::fprintf(stderr, "corroborate: %s\n", a.status().message().c_str());
      return 1;
    }
    acks = a.take();
  }
  const bool terminal = isatty(STDERR_FILENO) && isatty(STDOUT_FILENO);
  std::mutex out_mu;  // problems and the status line share standard error
  std::atomic<size_t> problems{0};
  auto report = [&](const InputProblem& p) {
    ++problems;
    std::lock_guard lock(out_mu);
    std::fprintf(stderr, "%s%s\n", terminal ? "\r\033[K" : "", p.Format().c_str());
  };
  Result<std::unique_ptr<watch::Watcher>> made = watch::Watcher::Create(
      st, args.sources, args.options, report, [&](const store::CommitProgress& p) -> Status {
        // A failed write stops the watcher as a store failure would: what is stored stays, and the
        // acks file holds whole lines, each a stored article.
        return acks ? acks->Append(p.acknowledged) : Status::Ok();
      });
  if (!made.ok()) {
    std::fprintf(stderr, "corroborate: %s\n", made.status().message().c_str());
    return 2;
  }
  watch::Watcher& w = **made;
  std::unique_ptr<watch::Notifier> notifier;
  std::thread notify_thread;
  if (!args.notify_url.empty()) {
    notifier = std::make_unique<watch::Notifier>(
        st, watch::NotifyOptions{.url = args.notify_url, .entities = args.watch_entities}, report);
    st.SetCommitListener([n = notifier.get()] { n->Wake(); });
    notify_thread = std::thread([n = notifier.get()] { n->Run(); });
  }
  // SIGINT and SIGTERM are blocked in every thread (the watcher's start after this) and taken by
  // one thread with sigwait, which may then call Stop (it locks a mutex: no signal handler could).
  signal(SIGPIPE, SIG_IGN);
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGUSR1);  // sent by this function itself once the watcher is done
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  std::thread stopper([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    if (sig != SIGUSR1) w.Stop();
  });

  std::atomic<bool> done{false};
  std::thread status;
  if (terminal) {
    status = std::thread([&] {
      while (!done) {
        const watch::WatchStats s = w.Stats();
        {
          std::lock_guard lock(out_mu);
          std::fprintf(stderr,
                       "\r\033[Kwatching %zu sources (%zu failing)  %zu polls, %zu unchanged  %zu new items  "
                       "%zu stored, %zu versions, %zu duplicates  %zu in flight, %zu waiting",
                       s.sources, s.failing, s.polls, s.not_modified, s.items_new, s.stored, s.versions, s.duplicates,
                       s.in_flight, s.queued);
          std::fflush(stderr);
        }
        for (int i = 0; i < 5 && !done; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    });
  }
  const Status run = w.Run();
  done = true;
  if (status.joinable()) status.join();
  pthread_kill(stopper.native_handle(), SIGUSR1);  // wakes the signal thread if no signal came
  stopper.join();
  if (notifier) {
    notifier->Wake();
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // notices of the last commits
    notifier->Stop();
    notify_thread.join();
  }
  if (acks) {
    if (Status closed = acks->Close(); !closed.ok()) {
      std::fprintf(stderr, "corroborate: %s\n", closed.message().c_str());
      if (run.ok()) return 1;
    }
  }
  const watch::WatchStats s = w.Stats();
  if (terminal) {
    std::fprintf(stderr, "\r\033[K%zu new items: %zu stored, %zu new versions, %zu duplicates, %zu rejected\n", s.items_new,
                 s.stored, s.versions, s.duplicates, s.rejected);
  }
  if (!run.ok()) {
    std::fprintf(stderr, "corroborate: %s: %s\n", store::StoreLocationName(args.db).c_str(), run.message().c_str());
    return 1;
  }
  return args.options.once && problems > 0 ? 3 : 0;
}

}  // namespace corroborate
