// `corroborate serve` (serve_command.h): opens the store, starts the HTTP server, stops on a signal.
#include "serve_command.h"

#include <signal.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "http/server.h"
#include "serve/api_router.h"
#include "store/store.h"

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

}  // namespace

CLI::App* AddServeCommand(CLI::App& app, ServeArgs& args) {
  CLI::App* serve = app.add_subcommand("serve", "serve the HTTP API and the web page over a store");
  serve->add_option("--db", args.db, "the store (SQLite file)")->required();
  serve->add_option("--listen", args.listen, "ADDR:PORT to listen on; port 0 picks a free one")
      ->capture_default_str();
  serve->add_option("--token", args.token,
                    "bearer token that POST requests must carry (default: $CORROBORATE_TOKEN); "
                    "required when listening beyond loopback");
  serve->add_option("--max-body-bytes", args.max_body_bytes, "larger request bodies get 413")->capture_default_str();
  serve->add_option("--threads", args.threads, "threads answering requests")->capture_default_str()->check(CLI::Range(1, 256));
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
  Result<std::unique_ptr<store::Store>> store = store::Store::Open(args.db, store::StoreOptions{});
  if (!store.ok()) {
    std::cerr << "corroborate: " << args.db << ": " << store.status().message() << '\n';
    return kCannotStart;
  }
  // Half the workers at most for searches (the one read whose cost the client picks), at least one.
  router = std::make_unique<serve::ApiRouter>(
      **store, serve::RouterOptions{.write_token = args.token, .max_concurrent_searches = std::max(1, args.threads / 2)});

  g_server = server->get();
  struct sigaction action {};
  action.sa_handler = OnStopSignal;
  sigemptyset(&action.sa_mask);
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);

  std::printf("corroborate: serving %s on http://%s/\n", args.db.c_str(), (*server)->address().c_str());
  std::fflush(stdout);
  (*server)->Run();
  g_server = nullptr;
  std::printf("corroborate: stopped\n");
  return 0;
}

}  // namespace corroborate
