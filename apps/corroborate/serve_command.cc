// `corroborate serve` (serve_command.h): opens the store, starts the HTTP server, stops on a signal.
#include "serve_command.h"

#include <signal.h>
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <mutex>
#include <thread>

#include "http/server.h"
#include "serve/api_router.h"
#include "store/store.h"
#include "watch/notifier.h"
#include "watch/watcher.h"

namespace corroborate {
namespace {

constexpr int kUsageError = 2;
constexpr int kCannotStart = 1;

http::Server* g_server = nullptr;  // for the signal handler; set while Run() runs

void OnStopSignal(int) {
  if (g_server != nullptr) g_server->Stop();  // writes to an eventfd: safe in a signal handler
}

// Each connection is a descriptor, and the default soft limit (often 1024) would cap the server
// below what a busy or attacked service needs; the hard limit is what the system allows us.
void RaiseOpenFileLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    setrlimit(RLIMIT_NOFILE, &limit);
  }
}

// "127.0.0.1:8080", "[::1]:8080", "0.0.0.0:0" → host and port; false when malformed.
bool SplitListen(const std::string& listen, std::string& host, uint16_t& port) {
  size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon + 1 == listen.size()) return false;
  host = listen.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (host.empty()) return false;
  unsigned long value = 0;
  for (char c : listen.substr(colon + 1)) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<unsigned long>(c - '0');
    if (value > 65535) return false;
  }
  port = static_cast<uint16_t>(value);
  return true;
}

void ReportProblem(const InputProblem& p) { std::fprintf(stderr, "%s\n", p.Format().c_str()); }

// Follows the store's change log from its end at start and hands each new record on, in order.
class LogFollower {
 public:
  LogFollower(store::Store& store, std::function<void(const store::Change&)> on_change)
      : store_(store), on_change_(std::move(on_change)) {
    Result<int64_t> latest = store_.LatestChange();
    seen_ = latest.ok() ? *latest : 0;
  }
  void Run() {
    while (!stop_) {
      Result<std::vector<store::Change>> changes = store_.ChangesSince(seen_, 1000);
      if (changes.ok()) {
        for (const store::Change& c : *changes) {
          on_change_(c);
          seen_ = c.seq;
        }
        if (changes->size() == 1000) continue;
      }
      std::unique_lock lock(mu_);
      cv_.wait_for(lock, std::chrono::milliseconds(100), [&] { return woken_ || stop_.load(); });
      woken_ = false;
    }
  }
  void Wake() {
    std::lock_guard lock(mu_);
    woken_ = true;
    cv_.notify_all();
  }
  void Stop() {
    stop_ = true;
    Wake();
  }

 private:
  store::Store& store_;
  std::function<void(const store::Change&)> on_change_;
  int64_t seen_ = 0;
  std::mutex mu_;
  std::condition_variable cv_;
  bool woken_ = false;
  std::atomic<bool> stop_{false};
};

}  // namespace

CLI::App* AddServeCommand(CLI::App& app, ServeArgs& args) {
  CLI::App* serve = app.add_subcommand("serve", "serve the HTTP API and the web page over a store");
  serve->add_option("--db", args.db, "the store: an SQLite file, or a postgresql:// URL")->required();
  serve->add_option("--listen", args.listen, "ADDR:PORT to listen on; port 0 picks a free one")
      ->capture_default_str();
  serve->add_option("--token", args.token,
                    "bearer token that POST requests must carry (default: $CORROBORATE_TOKEN); "
                    "required when listening beyond loopback");
  serve->add_option("--max-body-bytes", args.max_body_bytes, "larger request bodies get 413")->capture_default_str();
  serve->add_option("--threads", args.threads, "threads answering requests")->capture_default_str()->check(CLI::Range(1, 256));
  serve->add_option("--watch", args.watch.sources, "feed or sitemap URLs (or files listing them) to follow while serving");
  AddWatchOptions(serve, args.watch);
  return serve;
}

int RunServeCommand(ServeArgs args) {
  if (args.token.empty()) {
    if (const char* env = std::getenv("CORROBORATE_TOKEN")) args.token = env;
  }
  http::ServerOptions options;
  if (!SplitListen(args.listen, options.host, options.port)) {
    std::cerr << "corroborate: --listen wants ADDR:PORT, e.g. 127.0.0.1:8080, not " << args.listen << '\n';
    return kUsageError;
  }
  options.limits.max_body_bytes = args.max_body_bytes;
  options.worker_threads = args.threads;
  RaiseOpenFileLimit();
  signal(SIGPIPE, SIG_IGN);

  // The socket first: an address we cannot or may not use is refused before the store is touched.
  std::unique_ptr<serve::ApiRouter> router;  // set before Run(), the only time the handler is called
  // Writes without the token and bodies nobody asked for are refused before the body is read.
  http::HeadCheck head_check = [&router](const http::Request& head, size_t body_length) {
    return router->CheckHead(head, body_length);
  };
  Result<std::unique_ptr<http::Server>> server =
      http::Server::Create(options, [&router](const http::Request& r) {
        http::Response response = router->Handle(r);
        // Failures of the service itself go to the operator; a client's mistakes (4xx) do not, nor
        // does shedding load (503: too many searches, a search past its time limit), which clients
        // can cause at will: logged, it would flood the log, and a log that is not read fast
        // enough would block the workers writing it.
        if (response.status >= 500 && response.status != 503) {
          std::string target = r.target;  // the client's bytes: no control characters reach the log
          for (char& c : target) {
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
          }
          std::fprintf(stderr, "corroborate: %s %s: %s\n", r.method.c_str(), target.c_str(), response.body.c_str());
        }
        return response;
      }, head_check);
  if (!server.ok()) {
    std::cerr << "corroborate: " << server.status().message() << '\n';
    return kCannotStart;
  }
  // Checked on the bound address, so a name that resolves beyond loopback counts as beyond it.
  if (!(*server)->loopback() && args.token.empty()) {
    std::cerr << "corroborate: " << (*server)->address()
              << " is reachable beyond this machine: set --token or CORROBORATE_TOKEN so that only holders can write\n";
    return kUsageError;
  }
  store::StoreOptions store_options;
  store_options.versions = true;  // a POSTed or watched article whose content changed is a new version
  Result<std::unique_ptr<store::Store>> store = store::Store::Open(args.db, store_options);
  if (!store.ok()) {
    std::cerr << "corroborate: " << store::StoreLocationName(args.db) << ": " << store.status().message() << '\n';
    return kCannotStart;
  }
  // Half the workers at most for searches (the one read whose cost the client picks), at least one.
  router = std::make_unique<serve::ApiRouter>(
      **store, serve::RouterOptions{.write_token = args.token, .max_concurrent_searches = std::max(1, args.threads / 2)});
  store::Store& st = **store;

  // The publisher: follows the change log (whoever wrote it: a POST, this process's watcher, an
  // ingest or watch in another process) and pushes each record to the open streams. A commit in
  // this process wakes it at once; otherwise it looks every 100 ms.
  LogFollower publisher(st, [&](const store::Change& c) { (*server)->Publish(c.seq, serve::SseEvent(c)); });
  std::unique_ptr<watch::Notifier> notifier;
  if (!args.watch.notify_url.empty()) {
    notifier = std::make_unique<watch::Notifier>(
        st, watch::NotifyOptions{.url = args.watch.notify_url, .entities = args.watch.watch_entities}, ReportProblem);
  }
  st.SetCommitListener([&publisher, n = notifier.get()] {
    publisher.Wake();
    if (n) n->Wake();
  });
  std::thread publish_thread([&] { publisher.Run(); });
  std::thread notify_thread;
  if (notifier) notify_thread = std::thread([n = notifier.get()] { n->Run(); });
  std::unique_ptr<watch::Watcher> watcher;
  std::thread watch_thread;
  if (!args.watch.sources.empty()) {
    Result<std::unique_ptr<watch::Watcher>> made =
        watch::Watcher::Create(st, args.watch.sources, args.watch.options, ReportProblem);
    if (!made.ok()) {
      std::cerr << "corroborate: " << made.status().message() << '\n';
      publisher.Stop();
      publish_thread.join();
      if (notifier) {
        notifier->Stop();
        notify_thread.join();
      }
      return kUsageError;
    }
    watcher = made.take();
    watch_thread = std::thread([&] {
      if (Status s = watcher->Run(); !s.ok()) {
        std::fprintf(stderr, "corroborate: %s: the watcher stopped: %s\n", store::StoreLocationName(args.db).c_str(), s.message().c_str());
      }
    });
  }

  g_server = server->get();
  struct sigaction action {};
  action.sa_handler = OnStopSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);

  std::printf("corroborate: serving %s on http://%s/\n", store::StoreLocationName(args.db).c_str(), (*server)->address().c_str());
  std::fflush(stdout);
  (*server)->Run();
  g_server = nullptr;
  if (watcher) {
    watcher->Stop();
    watch_thread.join();
  }
  publisher.Stop();
  publish_thread.join();
  if (notifier) {
    notifier->Stop();
    notify_thread.join();
  }
  std::printf("corroborate: stopped\n");
  return 0;
}

}  // namespace corroborate
