// The clusterer's state kept in the store (tables cluster_state and cluster_state_info), so that
// opening a store to write loads it and replays only the articles stored after it, instead of
// every stored article's features. The state says which article it has seen last; a state that is
// missing, of another format or other options, or damaged, is not loaded, and the caller replays
// everything as before. Tested in cluster_state_store_test.cc.
//
//   Status s = SaveClusterState(db, *clusterer, last_rowid);      // in the caller's transaction
//   Result<std::optional<LoadedClusterer>> got = LoadClusterState(db, cluster::ClusterOptions{});
//   if (got.ok() && *got) { clusterer = std::move((*got)->clusterer); replay_after = (*got)->last_rowid; }
#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include "cluster/story_clusterer.h"
#include "core/status.h"
#include "store/db.h"

namespace corroborate::store {

struct LoadedClusterer {
  std::unique_ptr<cluster::StoryClusterer> clusterer;
  int64_t last_rowid = 0;  // articles.rowid of the last article it has seen
};

// Replaces the stored state with `clusterer`'s, which has seen exactly the stored articles up to
// `last_rowid`. Runs in the caller's transaction.
Status SaveClusterState(Db& db, const cluster::StoryClusterer& clusterer, int64_t last_rowid);

// The rowid of the last article the stored state has seen; 0 when none is stored.
Result<int64_t> StoredClusterStateRowid(Db& db);

// The stored state as a clusterer, or nullopt when none is stored or it cannot be loaded (another
// format version, other options, damaged): the caller then replays every article. An error is a
// failure of the store itself.
Result<std::optional<LoadedClusterer>> LoadClusterState(Db& db, const cluster::ClusterOptions& options);

}  // namespace corroborate::store
