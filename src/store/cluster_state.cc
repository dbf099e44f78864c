// The clusterer's state in the store (see cluster_state.h). Tested in cluster_state_store_test.cc.
#include "store/cluster_state.h"

#include "cluster/state_io.h"

namespace corroborate::store {
namespace {

// Pieces of the state, one row each: the engine keeps a blob in a chain of pages either way, and
// rows of this size stay far below its one-gigabyte limit on a value.
constexpr size_t kPieceBytes = size_t(16) << 20;

}  // namespace

Status SaveClusterState(Db& db, const cluster::StoryClusterer& clusterer, int64_t last_rowid) {
  if (Status s = db.Exec("DELETE FROM cluster_state; DELETE FROM cluster_state_info"); !s.ok()) return s;
  Stmt put = db.Prepare("INSERT INTO cluster_state (part, data) VALUES (?1, ?2)");
  if (!put.status().ok()) return put.status();
  int64_t part = 0;
  cluster::StateWriter w(
      [&](std::string_view piece) {
        put.Bind(1, part++);
        put.BindBlob(2, piece);
        return put.Run();
      },
      kPieceBytes);
  clusterer.Save(w);
  if (Status s = w.Finish(); !s.ok()) return s;
  Stmt info = db.Prepare(
      "INSERT INTO cluster_state_info (id, last_article, articles, bytes, checksum) VALUES (1, ?1, ?2, ?3, ?4)");
  info.Bind(1, last_rowid);
  info.Bind(2, static_cast<int64_t>(clusterer.ArticleCount()));
  info.Bind(3, static_cast<int64_t>(w.size()));
  info.Bind(4, static_cast<int64_t>(w.checksum()));
  return info.Run();
}

Result<int64_t> StoredClusterStateRowid(Db& db) {
  Stmt s = db.Prepare("SELECT last_article FROM cluster_state_info WHERE id = 1");
  const StepResult r = s.Step();
  if (r == StepResult::kError) return s.status();
  return r == StepResult::kRow ? s.Int(0) : int64_t(0);
}

Result<std::optional<LoadedClusterer>> LoadClusterState(Db& db, const cluster::ClusterOptions& options) {
  Stmt info = db.Prepare("SELECT last_article, articles, bytes, checksum FROM cluster_state_info WHERE id = 1");
  const StepResult r = info.Step();
  if (r == StepResult::kError) return info.status();
  if (r == StepResult::kDone) return std::optional<LoadedClusterer>();
  const int64_t last_rowid = info.Int(0), articles = info.Int(1), bytes = info.Int(2);
  const uint64_t checksum = static_cast<uint64_t>(info.Int(3));
  if (last_rowid <= 0 || articles <= 0 || bytes <= 0) return std::optional<LoadedClusterer>();

  // The pieces in order, each read into one buffer reused for all (Db::ReadBlob): the state is
  // never held whole besides the clusterer.
  std::string buffer;
  int64_t part = 0;
  Status store_error;
  cluster::StateReader reader(static_cast<uint64_t>(bytes), [&](std::string_view& piece) {
    if (Status s = db.ReadBlob("cluster_state", "data", "part", part, buffer); !s.ok()) {
      if (s.code() == StatusCode::kNotFound) return InvalidInput("cluster state: piece " + std::to_string(part) + " is missing");
      store_error = s;
      return store_error;
    }
    ++part;
    piece = buffer;
    return Status::Ok();
  });
  Result<std::unique_ptr<cluster::StoryClusterer>> c = cluster::LoadInMemoryClusterer(options, reader);
  if (!store_error.ok()) return store_error;
  // A state whose bytes are not those written (checksum) is not trusted, even when it parses.
  if (!c.ok() || reader.left() != 0 || reader.checksum() != checksum ||
      (*c)->ArticleCount() != static_cast<uint64_t>(articles)) {
    return std::optional<LoadedClusterer>();
  }
  return std::optional<LoadedClusterer>(LoadedClusterer{c.take(), last_rowid});
}

}  // namespace corroborate::store
