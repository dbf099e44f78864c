// The SQLite wrapper (see sqlite_db.h). Tested in store_test.cc.
#include "store/sqlite_db.h"

#include <sqlite3.h>

#include <utility>

namespace corroborate::store {

Status SqliteError(sqlite3* db, std::string_view what) {
  std::string m = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory");
  int code = db ? sqlite3_errcode(db) : SQLITE_NOMEM;
  if (code == SQLITE_ERROR) return InvalidInput(std::move(m));  // SQL or FTS query syntax
  if (code == SQLITE_INTERRUPT) return LimitExceeded(std::move(m));  // a TimeLimit stopped it
  return IoError(std::move(m));
}

namespace {
int StopAfterDeadline(void* limit) { return static_cast<const TimeLimit*>(limit)->expired() ? 1 : 0; }
}  // namespace

TimeLimit::TimeLimit(Db& db, std::chrono::milliseconds limit)
    : db_(db.raw()), deadline_(std::chrono::steady_clock::now() + limit) {
  // Every 4,000 instructions: well under a millisecond of work between two looks at the clock.
  if (db_) sqlite3_progress_handler(db_, 4000, StopAfterDeadline, this);
}

TimeLimit::~TimeLimit() {
  if (db_) sqlite3_progress_handler(db_, 0, nullptr, nullptr);
}

Stmt::Stmt(Stmt&& o) noexcept
    : db_(std::exchange(o.db_, nullptr)), stmt_(std::exchange(o.stmt_, nullptr)), status_(std::move(o.status_)) {}

Stmt& Stmt::operator=(Stmt&& o) noexcept {
  if (this != &o) {
    sqlite3_finalize(stmt_);
    db_ = std::exchange(o.db_, nullptr);
    stmt_ = std::exchange(o.stmt_, nullptr);
    status_ = std::move(o.status_);
  }
  return *this;
}

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

void Stmt::Bind(int i, std::string_view text) {
  if (stmt_) sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}
void Stmt::Bind(int i, int64_t value) {
  if (stmt_) sqlite3_bind_int64(stmt_, i, value);
}
void Stmt::BindDouble(int i, double value) {
  if (stmt_) sqlite3_bind_double(stmt_, i, value);
}
void Stmt::BindBlob(int i, std::string_view bytes) {
  if (stmt_) sqlite3_bind_blob(stmt_, i, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
}
void Stmt::BindNull(int i) {
  if (stmt_) sqlite3_bind_null(stmt_, i);
}

StepResult Stmt::Step() {
  if (!stmt_) return StepResult::kError;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return StepResult::kRow;
  if (rc == SQLITE_DONE) return StepResult::kDone;
  status_ = SqliteError(db_, sqlite3_sql(stmt_));
  return StepResult::kError;
}

Status Stmt::Run() {
  StepResult r;
  while ((r = Step()) == StepResult::kRow) {
  }
  Status s = r == StepResult::kError ? status_ : Status::Ok();
  Reset();
  return s;
}

void Stmt::Reset() {
  if (!stmt_) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

int64_t Stmt::Int(int col) const { return sqlite3_column_int64(stmt_, col); }

std::string_view Stmt::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (!p) return {};
  return {reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, col))};
}

std::string_view Stmt::Blob(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  if (!p) return {};
  return {static_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, col))};
}

double Stmt::Double(int col) const { return sqlite3_column_double(stmt_, col); }

bool Stmt::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

Result<Db> Db::Open(const std::string& path, bool read_only, int busy_timeout_ms) {
  sqlite3* raw = nullptr;
  int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Db db(raw);
  if (rc != SQLITE_OK) return IoError(path + ": " + (raw ? sqlite3_errmsg(raw) : "cannot open"));
  sqlite3_busy_timeout(raw, busy_timeout_ms);
  sqlite3_extended_result_codes(raw, 0);
  return db;
}

Db::Db(Db&& o) noexcept : db_(std::exchange(o.db_, nullptr)) {}

Db& Db::operator=(Db&& o) noexcept {
  if (this != &o) {
    sqlite3_close_v2(db_);
    db_ = std::exchange(o.db_, nullptr);
  }
  return *this;
}

Db::~Db() { sqlite3_close_v2(db_); }

Stmt Db::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return Stmt(db_, nullptr, SqliteError(db_, sql));
  return Stmt(db_, stmt, Status::Ok());
}

Status Db::Exec(const std::string& sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
  if (rc == SQLITE_OK) return Status::Ok();
  std::string m = sql.substr(0, 60) + ": " + (err ? err : sqlite3_errstr(rc));
  sqlite3_free(err);
  return IoError(std::move(m));
}

int64_t Db::LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }

}  // namespace corroborate::store
