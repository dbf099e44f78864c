// The store's change log (table `changes`): what each commit changed in the stories it touched, as
// small JSON records with increasing sequence numbers, written in the commit's own transaction. It
// is what `serve` streams at GET /api/stream and what `--notify` sends, from whichever process
// wrote (ingest, watch, a POST): the store publishes, readers follow. Tested in live_store_test.cc and tests/watch.
//
// Kinds (each record also has "story", the story id, and "entities", the names it involves):
//   story       {"headline","new":bool,"articles":n,"outlets":[...],"articles_added":[ids],"outlets_added":[names]}
//   event       {"event":{"id","type","status","roles":{ROLE: value}},"change":"new"|"changed",
//                "roles_changed":[{"role","before","after"}],"sources_added":[ids]}
//   conflict    {"event","type","role","values":[{"value","sources"}],"change":"new"|"changed"}
//   correction  {"article","version","changes":[...]} (store/article_diff.h)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "store/db.h"

namespace corroborate::store {

// Records kept; older ones are pruned after each commit (a client further behind reloads).
inline constexpr int64_t kKeptChanges = 10000;

// Logs what is new in a story's report against the one it replaces ("" for a new story).
Status LogStoryChanges(Db& db, uint32_t story, std::string_view old_report, std::string_view new_report);
Status LogCorrection(Db& db, uint32_t story, const std::string& article, int64_t version, const std::string& changes);
Status PruneChanges(Db& db);

}  // namespace corroborate::store
