// `corroborate serve`: the HTTP API and web page over a store (CONTRACT.md, README.md "Serving").
// Tested in tests/serve.
#pragma once

#include <CLI/CLI.hpp>

#include <cstddef>
#include <string>
#include <vector>

#include "watch_command.h"

namespace corroborate {

struct ServeArgs {
  std::string db;
  std::string listen = "127.0.0.1:8080";
  std::string token;  // --token, else the environment's CORROBORATE_TOKEN
  size_t max_body_bytes = 8 * 1024 * 1024;
  int threads = 4;
  // --watch SOURCE…: a feed watcher in the same process (its options are the watch command's);
  // --notify and --watch-entity work with or without it.
  WatchArgs watch;
};

// Adds the subcommand and its options, filling `args` when parsed.
CLI::App* AddServeCommand(CLI::App& app, ServeArgs& args);

// Serves until SIGINT or SIGTERM; returns the exit status (2 for a usage error, 1 when it cannot start).
int RunServeCommand(ServeArgs args);

}  // namespace corroborate
