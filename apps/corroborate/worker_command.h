// `corroborate worker --db STORE [options]`: one of any number of workers, on any hosts, that store
// the articles `ingest --enqueue` queued (Store::Work in src/store/store.h). Tested in
// tests/workers.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "store/store.h"

namespace corroborate {

struct WorkerArgs {
  std::string db;
  std::string acks;      // like ingest --acks: each committed article's id, a JSON string per line
  size_t threads = 0;    // threads preparing articles; 0 = every core this process may use
  double lease_seconds = 60;
  bool stats = false;    // print where the time went as one JSON line on standard output
  store::WorkerOptions options;
};

CLI::App* AddWorkerCommand(CLI::App& app, WorkerArgs& args);

// Until the queue is empty (with --follow: until SIGINT or SIGTERM): 0, 3 when some article was
// rejected, 1 when the store kept failing for --retry-seconds or the acks file failed.
int RunWorkerCommand(const WorkerArgs& args);

}  // namespace corroborate
