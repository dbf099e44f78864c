// The work queue (see work_queue.h): plain SQL over the work_queue table. Tested in
// work_queue_test.cc and tests/workers.
#include "store/work_queue.h"

#include <chrono>
#include <limits>
#include <string>

namespace corroborate::store {

int64_t LeaseClockMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Status EnqueueDocuments(Db& db, const std::vector<RawDocument>& docs) {
  Stmt insert = db.Prepare(
      "INSERT INTO work_queue (id, source, line, kind, body, url, outlet, published, title, author) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  if (!insert.status().ok()) return insert.status();
  for (const RawDocument& d : docs) {
    insert.Bind(1, d.id);
    insert.Bind(2, d.source);
    insert.Bind(3, static_cast<int64_t>(d.line));
    insert.Bind(4, static_cast<int64_t>(d.kind));
    insert.Bind(5, d.body);
    insert.Bind(6, d.url);
    insert.Bind(7, d.outlet);
    insert.Bind(8, d.published);
    insert.Bind(9, d.title);
    insert.Bind(10, d.author);
    if (Status s = insert.Run(); !s.ok()) return s;
    insert.Reset();
  }
  return Status::Ok();
}

Result<std::vector<QueuedDocument>> Claim(Db& db, const std::string& owner, size_t max, int64_t lease_ms,
                                          int64_t before_seq) {
  std::vector<QueuedDocument> out;
  // The caller's write transaction makes the select and the update one step: two workers never
  // claim the same row. (On a server database: SELECT ... FOR UPDATE SKIP LOCKED.)
  Status s = [&]() -> Status {
    const int64_t now = LeaseClockMs();
    // On PostgreSQL rows another worker is claiming right now are skipped, not waited for.
    std::string sql =
        "SELECT seq, id, source, line, kind, body, url, outlet, published, title, author FROM work_queue "
        "WHERE lease_until < ?1 AND seq < ?3 AND owner <> ?4 ORDER BY seq LIMIT ?2";
    if (db.engine() == Engine::kPostgres) sql += " FOR UPDATE SKIP LOCKED";
    Stmt pick = db.Prepare(sql);
    if (!pick.status().ok()) return pick.status();
    pick.Bind(1, now);
    pick.Bind(2, static_cast<int64_t>(max));
    pick.Bind(3, before_seq);
    pick.Bind(4, owner);  // its own rows whose lease passed it still holds (RenewLeases takes them on)
    StepResult r;
    while ((r = pick.Step()) == StepResult::kRow) {
      QueuedDocument q;
      q.seq = pick.Int(0);
      q.doc.id = pick.Text(1);
      q.doc.source = pick.Text(2);
      q.doc.line = static_cast<size_t>(pick.Int(3));
      q.doc.kind = pick.Int(4) == static_cast<int64_t>(ContentKind::kHtml) ? ContentKind::kHtml : ContentKind::kText;
      q.doc.body = pick.Text(5);
      q.doc.url = pick.Text(6);
      q.doc.outlet = pick.Text(7);
      q.doc.published = pick.Text(8);
      q.doc.title = pick.Text(9);
      q.doc.author = pick.Text(10);
      out.push_back(std::move(q));
    }
    if (r == StepResult::kError) return pick.status();
    Stmt take = db.Prepare("UPDATE work_queue SET owner = ?1, lease_until = ?2 WHERE seq = ?3");
    if (!take.status().ok()) return take.status();
    for (const QueuedDocument& q : out) {
      take.Bind(1, owner);
      take.Bind(2, now + lease_ms);
      take.Bind(3, q.seq);
      if (Status e = take.Run(); !e.ok()) return e;
      take.Reset();
    }
    return Status::Ok();
  }();
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<int64_t>> RenewLeases(Db& db, const std::string& owner, int64_t lease_ms) {
  std::vector<int64_t> held;
  Status s = [&]() -> Status {
    Stmt renew = db.Prepare("UPDATE work_queue SET lease_until = ?2 WHERE owner = ?1");
    if (!renew.status().ok()) return renew.status();
    renew.Bind(1, owner);
    renew.Bind(2, LeaseClockMs() + lease_ms);
    if (Status e = renew.Run(); !e.ok()) return e;
    Stmt list = db.Prepare("SELECT seq FROM work_queue WHERE owner = ?1 ORDER BY seq");
    if (!list.status().ok()) return list.status();
    list.Bind(1, owner);
    StepResult r;
    while ((r = list.Step()) == StepResult::kRow) held.push_back(list.Int(0));
    return r == StepResult::kError ? list.status() : Status::Ok();
  }();
  if (!s.ok()) return s;
  return held;
}

Status ReleaseLeases(Db& db, const std::string& owner, const std::vector<int64_t>& seqs) {
  Stmt release = db.Prepare("UPDATE work_queue SET owner = '', lease_until = 0 WHERE owner = ?1 AND seq = ?2");
  if (!release.status().ok()) return release.status();
  for (int64_t seq : seqs) {
    release.Bind(1, owner);
    release.Bind(2, seq);
    if (Status s = release.Run(); !s.ok()) return s;
    release.Reset();
  }
  return Status::Ok();
}

Result<int64_t> FirstSeqNotOwnedBy(Db& db, const std::string& owner) {
  Stmt first = db.Prepare("SELECT min(seq) FROM work_queue WHERE owner <> ?1");
  if (!first.status().ok()) return first.status();
  first.Bind(1, owner);
  if (first.Step() != StepResult::kRow) return first.status();
  return first.IsNull(0) ? std::numeric_limits<int64_t>::max() : first.Int(0);
}

Result<bool> TakeForCommit(Db& db, const std::string& owner, const std::vector<int64_t>& seqs) {
  if (seqs.empty()) return true;
  // Every row up to the last of them must be one of them (theirs is the next turn), and every one
  // must still be ours: a lease that passed may have been claimed, prepared, even stored by another.
  Stmt left = db.Prepare("SELECT count(*), count(CASE WHEN owner = ?2 THEN 1 END) FROM work_queue WHERE seq <= ?1");
  if (!left.status().ok()) return left.status();
  left.Bind(1, seqs.back());
  left.Bind(2, owner);
  if (left.Step() != StepResult::kRow) return left.status();
  const auto n = static_cast<int64_t>(seqs.size());
  if (left.Int(0) != n || left.Int(1) != n) return false;
  Stmt drop = db.Prepare("DELETE FROM work_queue WHERE seq <= ?1");
  if (!drop.status().ok()) return drop.status();
  drop.Bind(1, seqs.back());
  if (Status e = drop.Run(); !e.ok()) return e;
  return true;
}

Result<int64_t> QueueLength(Db& db) {
  Stmt n = db.Prepare("SELECT count(*) FROM work_queue");
  if (!n.status().ok()) return n.status();
  if (n.Step() != StepResult::kRow) return n.status();
  return n.Int(0);
}

}  // namespace corroborate::store
