// `corroborate ingest --db PATH [--acks FILE] [--batch N] [--threads N] [--enqueue] INPUT…`: adds articles to a
// store (src/store/store.h), or only queues them for workers (worker_command.h).
// Tested in tests/store (golden report, crash safety).
#pragma once

#include <string>
#include <vector>

namespace corroborate {

struct IngestCommand {
  std::string db;
  std::vector<std::string> inputs;
  // When set, each committed article's id is appended to this file as a JSON string on its own
  // line, right after its transaction commits: what the crash test checks the store against. Each
  // id once, however often ingest runs (acks_file.h).
  std::string acks;
  size_t batch = 1000;
  // Threads preparing articles (clean, extract, events, cluster features); 0 = every core the
  // process may use. Commits stay in input order: the store is the same for any count.
  size_t threads = 0;
  // An id stored with other content is a new version of that article (store.h), not rejected.
  bool versions = false;
  // Only append the articles to the store's work queue, for `corroborate worker`s to store.
  bool enqueue = false;
};

// The exit status: 0 when every input was stored (or already was), 3 when some were skipped,
// 1 when the store itself or the acks file failed (what was committed before stays).
int RunIngestCommand(const IngestCommand& command);

}  // namespace corroborate
