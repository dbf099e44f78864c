// A thin RAII layer over SQLite's C API: a connection and prepared statements whose failures come
// back as Status values (never exceptions). Only the store uses it. Tested in store_test.cc.
//
//   Result<Db> db = Db::Open("news.db", /*read_only=*/false);
//   Stmt s = db->Prepare("SELECT title FROM articles WHERE id = ?1");
//   s.Bind(1, "a1");
//   while (s.Step() == StepResult::kRow) use(s.Text(0));
//   if (!s.status().ok()) report(s.status());
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "core/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace corroborate::store {

enum class StepResult { kRow, kDone, kError };

class Stmt {
 public:
  Stmt() = default;
  Stmt(sqlite3* db, sqlite3_stmt* stmt, Status status) : db_(db), stmt_(stmt), status_(std::move(status)) {}
  Stmt(Stmt&& o) noexcept;
  Stmt& operator=(Stmt&& o) noexcept;
  ~Stmt();

  // Binds parameter i (1-based). Text is copied by SQLite.
  void Bind(int i, std::string_view text);
  void Bind(int i, int64_t value);
  void BindDouble(int i, double value);  // named apart: an int argument would match both overloads
  void BindBlob(int i, std::string_view bytes);
  void BindNull(int i);

  StepResult Step();
  // Runs to completion (for statements without rows).
  Status Run();
  // Clears bindings and rewinds, so the statement can run again.
  void Reset();

  int64_t Int(int col) const;
  std::string_view Text(int col) const;   // "" for NULL
  std::string_view Blob(int col) const;
  double Double(int col) const;
  bool IsNull(int col) const;

  // Why preparation or the last step failed; OK otherwise.
  const Status& status() const { return status_; }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  Status status_;
};

class Db {
 public:
  static Result<Db> Open(const std::string& path, bool read_only, int busy_timeout_ms);
  Db() = default;
  Db(Db&& o) noexcept;
  Db& operator=(Db&& o) noexcept;
  ~Db();

  Stmt Prepare(std::string_view sql);
  // Runs one or more statements without parameters.
  Status Exec(const std::string& sql);
  int64_t LastInsertRowid() const;
  sqlite3* raw() const { return db_; }

 private:
  explicit Db(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
};

// The error of SQLite's last call on `db`, as a Status naming `what`: kInvalidInput for SQL or FTS
// query syntax, kLimitExceeded for a statement stopped by a TimeLimit, kIoError otherwise.
Status SqliteError(sqlite3* db, std::string_view what);

// While it lives, statements on `db` stop (their step fails with kLimitExceeded) once `limit` has
// passed since it was made: for queries whose cost the client's input decides. SQLite asks the
// clock every few thousand virtual-machine instructions, so a statement overruns by microseconds.
class TimeLimit {
 public:
  TimeLimit(Db& db, std::chrono::milliseconds limit);
  ~TimeLimit();
  TimeLimit(const TimeLimit&) = delete;
  TimeLimit& operator=(const TimeLimit&) = delete;
  // Whether the limit has passed (a failure after it is the limit's doing).
  bool expired() const { return std::chrono::steady_clock::now() >= deadline_; }

 private:
  sqlite3* db_;
  std::chrono::steady_clock::time_point deadline_;
};

// Runs `body` in a transaction opened with `begin` ("BEGIN IMMEDIATE" takes the write lock at
// once): commits when it returns OK, rolls back otherwise.
template <typename F>
Status InTransaction(Db& db, const char* begin, F&& body) {
  if (Status s = db.Exec(begin); !s.ok()) return s;
  Status s = body();
  if (!s.ok()) {
    (void)db.Exec("ROLLBACK");
    return s;
  }
  s = db.Exec("COMMIT");
  if (!s.ok()) (void)db.Exec("ROLLBACK");
  return s;
}

}  // namespace corroborate::store
