// Times loading and saving the clusterer's state of a store (store/cluster_state.h), the two
// costs of fast start, apart from the rest of opening and writing. The save is rolled back, so the
// store is left as it was. Not tested: a bench tool (docs/BENCHMARKS.md, "Fast start at 1M (#17)").
//
//   build/bench/cluster_state_bench --db s1m.db
#include <chrono>
#include <cstdio>
#include <string>

#include "store/cluster_state.h"
#include "store/sqlite_db.h"

using namespace corroborate;

namespace {

double Since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 || std::string(argv[1]) != "--db") {
    std::fprintf(stderr, "usage: cluster_state_bench --db STORE\n");
    return 2;
  }
  Result<store::Db> db = store::Db::Open(argv[2], false, 30000);
  if (!db.ok()) {
    std::fprintf(stderr, "cluster_state_bench: %s\n", db.status().message().c_str());
    return 1;
  }
  auto t = std::chrono::steady_clock::now();
  Result<std::optional<store::LoadedClusterer>> got = store::LoadClusterState(*db, cluster::ClusterOptions{});
  const double load_s = Since(t);
  if (!got.ok() || !*got) {
    std::fprintf(stderr, "cluster_state_bench: %s\n", got.ok() ? "no state this build loads" : got.status().message().c_str());
    return 1;
  }
  const store::LoadedClusterer& c = **got;
  t = std::chrono::steady_clock::now();
  Status saved = store::InWriteTransaction(*db, [&]() -> Status {
    if (Status s = store::SaveClusterState(*db, *c.clusterer, c.last_rowid); !s.ok()) return s;
    return InvalidInput("rolled back");  // measured, not kept
  });
  const double save_s = Since(t);
  int64_t bytes = 0;
  store::Stmt info = db->Prepare("SELECT bytes FROM cluster_state_info WHERE id = 1");
  if (info.Step() == store::StepResult::kRow) bytes = info.Int(0);
  std::printf("articles %zu, stories %zu, state %.1f MB, clusterer %.1f MB in memory, load %.3f s, save %.3f s%s\n",
              c.clusterer->ArticleCount(), c.clusterer->StoryCount(), double(bytes) / 1e6,
              double(c.clusterer->MemoryBytes()) / 1e6, load_s, save_s,
              saved.message() == "rolled back" ? "" : (" (save failed: " + saved.message() + ")").c_str());
  return 0;
}
