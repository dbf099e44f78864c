// `corroborate watch --db STORE [options] SOURCE…`: follows feeds and news sitemaps and stores what
// they publish (src/watch/watcher.h); also what `serve --watch` runs beside the server. Tested in
// tests/watch.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "watch/notifier.h"
#include "watch/watcher.h"

namespace corroborate {

struct WatchArgs {
  std::string db;
  std::vector<std::string> sources;
  std::string acks;   // like ingest --acks: each committed article's id, a JSON string per line
  size_t threads = 0; // threads preparing articles (clean, extract); 0 = every core
  watch::WatchOptions options;
  std::string notify_url;
  std::vector<std::string> watch_entities;
};

// The watcher's options (without --db and the sources), shared by `watch` and `serve --watch`.
void AddWatchOptions(CLI::App* command, WatchArgs& args);
CLI::App* AddWatchCommand(CLI::App& app, WatchArgs& args);

// Until SIGINT or SIGTERM (or, with --once, one poll of each source): 0, or 3 when some source or
// article had a problem (--once), 2 for a usage error, 1 when the store failed.
int RunWatchCommand(const WatchArgs& args);

}  // namespace corroborate
