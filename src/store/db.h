// The store's database connection, whichever engine holds the store: a SQLite file (sqlite_db.h)
// or a PostgreSQL database (pg_db.h). Prepared statements and failures as Status values (never
// exceptions). Only the store uses it. Tested in store_test.cc and db_test.cc.
//
//   Result<Db> db = Db::Open("news.db", /*read_only=*/false, 30000);        // or "postgresql://…"
//   Stmt s = db->Prepare("SELECT title FROM articles WHERE id = ?1");
//   s.Bind(1, "a1");
//   while (s.Step() == StepResult::kRow) use(s.Text(0));
//   if (!s.status().ok()) report(s.status());
//
// The SQL is written once, in what both engines accept: parameters as ?1, ?2 … (the PostgreSQL
// backend reads them as $1, $2 …), ON CONFLICT instead of INSERT OR IGNORE/REPLACE, RETURNING
// instead of the last insert rowid. What must differ (schema, search) is in dialect.h.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "core/status.h"

namespace corroborate::store {

enum class StepResult { kRow, kDone, kError };

enum class Engine { kSqlite, kPostgres };

// A value in the engine's own binary form and type, passed from one statement to another without
// a conversion (PostgreSQL: an article's tsvector, computed by one connection and stored by
// another; `type` is its pg_type id). SQLite binds the bytes as a blob.
struct EngineValue {
  uint32_t type = 0;
  std::string bytes;
};

// One engine's statement (see Stmt for what each call does).
class StmtBackend {
 public:
  virtual ~StmtBackend() = default;
  virtual void Bind(int i, std::string_view text) = 0;
  virtual void Bind(int i, int64_t value) = 0;
  virtual void BindDouble(int i, double value) = 0;
  virtual void BindBlob(int i, std::string_view bytes) = 0;
  virtual void BindNull(int i) = 0;
  virtual void BindValue(int i, const EngineValue& value) = 0;
  virtual StepResult Step() = 0;
  virtual Status Run() = 0;
  virtual void Reset() = 0;
  virtual int64_t Int(int col) const = 0;
  virtual std::string_view Text(int col) const = 0;
  virtual std::string_view Blob(int col) const = 0;
  virtual double Double(int col) const = 0;
  virtual bool IsNull(int col) const = 0;
  virtual const Status& status() const = 0;
};

// One engine's connection (see Db for what each call does).
class DbBackend {
 public:
  virtual ~DbBackend() = default;
  virtual Engine engine() const = 0;
  virtual std::unique_ptr<StmtBackend> Prepare(std::string_view sql) = 0;
  virtual Status Exec(const std::string& sql) = 0;
  virtual Status BeginWrite() = 0;
  virtual Status BeginRead() = 0;
  virtual void SetBusyTimeout(int ms) = 0;
  virtual void SetDeadline(std::chrono::steady_clock::time_point deadline) = 0;
  virtual void ClearDeadline() = 0;
  virtual Status ReadBlob(std::string_view table, std::string_view column, std::string_view key_column, int64_t key,
                          std::string& out) = 0;
};

class Stmt {
 public:
  Stmt() = default;
  explicit Stmt(std::unique_ptr<StmtBackend> impl) : impl_(std::move(impl)) {}

  // Binds parameter i (1-based). Text and bytes are copied.
  void Bind(int i, std::string_view text) { if (impl_) impl_->Bind(i, text); }
  void Bind(int i, int64_t value) { if (impl_) impl_->Bind(i, value); }
  void BindDouble(int i, double value) { if (impl_) impl_->BindDouble(i, value); }  // apart: an int would match both
  void BindBlob(int i, std::string_view bytes) { if (impl_) impl_->BindBlob(i, bytes); }
  void BindNull(int i) { if (impl_) impl_->BindNull(i); }
  void BindValue(int i, const EngineValue& value) { if (impl_) impl_->BindValue(i, value); }

  StepResult Step() { return impl_ ? impl_->Step() : StepResult::kError; }
  // Runs to completion (for statements without rows), then resets.
  Status Run() { return impl_ ? impl_->Run() : Status::Ok(); }
  // Clears bindings and rewinds, so the statement can run again.
  void Reset() { if (impl_) impl_->Reset(); }

  // Columns of the current row: integers, text ("" for NULL), bytes, reals.
  int64_t Int(int col) const { return impl_->Int(col); }
  std::string_view Text(int col) const { return impl_->Text(col); }
  std::string_view Blob(int col) const { return impl_->Blob(col); }
  double Double(int col) const { return impl_->Double(col); }
  bool IsNull(int col) const { return impl_->IsNull(col); }

  // Why preparation or the last step failed; OK otherwise.
  const Status& status() const {
    static const Status kOk;
    return impl_ ? impl_->status() : kOk;
  }

 private:
  std::unique_ptr<StmtBackend> impl_;
};

class Db {
 public:
  // A location starting with postgresql:// or postgres:// is a PostgreSQL connection URL (libpq's);
  // anything else is the path of a SQLite file (created when missing unless read-only).
  // `busy_timeout_ms`: how long a write waits for another writer's lock before failing.
  static Result<Db> Open(const std::string& location, bool read_only, int busy_timeout_ms);
  static bool IsPostgresUrl(std::string_view location);

  Db() = default;
  explicit Db(std::unique_ptr<DbBackend> impl) : impl_(std::move(impl)) {}

  Engine engine() const { return impl_->engine(); }
  Stmt Prepare(std::string_view sql) { return Stmt(impl_->Prepare(sql)); }
  // Runs one or more statements without parameters.
  Status Exec(const std::string& sql) { return impl_->Exec(sql); }
  // Opens a transaction that holds the store's write lock from its start, so that writers (in any
  // process, on any host) follow one another: SQLite's BEGIN IMMEDIATE, an advisory lock on PostgreSQL.
  Status BeginWrite() { return impl_->BeginWrite(); }
  // Opens a transaction whose reads all see one snapshot.
  Status BeginRead() { return impl_->BeginRead(); }
  Status Commit() { return impl_->Exec("COMMIT"); }
  Status Rollback() { return impl_->Exec("ROLLBACK"); }
  void SetBusyTimeout(int ms) { impl_->SetBusyTimeout(ms); }
  // The bytes of `column` in the row of `table` whose integer key `key_column` is `key` into `out`
  // (reusing its buffer); kNotFound without such a row. For large values read piece by piece.
  Status ReadBlob(std::string_view table, std::string_view column, std::string_view key_column, int64_t key,
                  std::string& out) {
    return impl_->ReadBlob(table, column, key_column, key, out);
  }
  DbBackend* backend() const { return impl_.get(); }

 private:
  friend class TimeLimit;
  std::unique_ptr<DbBackend> impl_;
};

// While it lives, statements on `db` stop (their step fails with kLimitExceeded) once `limit` has
// passed since it was made: for queries whose cost the client's input decides.
class TimeLimit {
 public:
  TimeLimit(Db& db, std::chrono::milliseconds limit)
      : db_(db.backend()), deadline_(std::chrono::steady_clock::now() + limit) {
    if (db_) db_->SetDeadline(deadline_);
  }
  ~TimeLimit() {
    if (db_) db_->ClearDeadline();
  }
  TimeLimit(const TimeLimit&) = delete;
  TimeLimit& operator=(const TimeLimit&) = delete;
  // Whether the limit has passed (a failure after it is the limit's doing).
  bool expired() const { return std::chrono::steady_clock::now() >= deadline_; }

 private:
  DbBackend* db_;
  std::chrono::steady_clock::time_point deadline_;
};

// Runs `body` in a write transaction (Db::BeginWrite): commits when it returns OK, rolls back
// otherwise.
template <typename F>
Status InWriteTransaction(Db& db, F&& body) {
  if (Status s = db.BeginWrite(); !s.ok()) return s;
  Status s = body();
  if (!s.ok()) {
    (void)db.Rollback();
    return s;
  }
  s = db.Commit();
  if (!s.ok()) (void)db.Rollback();
  return s;
}

}  // namespace corroborate::store
