// The SQLite backend (see sqlite_db.h). Tested in store_test.cc.
#include "store/sqlite_db.h"

#include <sqlite3.h>

#include <memory>
#include <string>
#include <unordered_map>
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

// A connection's compiled statements not in use, by their SQL text. Compiling is a large share of
// a commit's time (a story rebuild runs a dozen statements, many times a batch), so a statement
// given up goes back here, reset, for the next Prepare of the same text. A statement that outlives
// its connection's cache is finalized instead (the weak pointer says so).
struct StatementCache {
  // Far more than the store's distinct statements; queries whose text holds their parameters
  // (search pages) are dropped when it is full.
  static constexpr size_t kMaxStatements = 512;
  std::unordered_map<std::string, sqlite3_stmt*> idle;

  ~StatementCache() {
    for (auto& [sql, stmt] : idle) sqlite3_finalize(stmt);
  }
  sqlite3_stmt* Take(std::string_view sql) {
    auto it = idle.find(std::string(sql));
    if (it == idle.end()) return nullptr;
    sqlite3_stmt* stmt = it->second;
    idle.erase(it);
    return stmt;
  }
  // Keeps `stmt` (reset, no bindings) unless one of its text is kept already or the cache is full.
  void GiveBack(std::string sql, sqlite3_stmt* stmt) {
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (idle.size() >= kMaxStatements || !idle.emplace(std::move(sql), stmt).second) sqlite3_finalize(stmt);
  }
};

class SqliteStmt final : public StmtBackend {
 public:
  SqliteStmt(sqlite3* db, sqlite3_stmt* stmt, Status status) : db_(db), stmt_(stmt), status_(std::move(status)) {}
  SqliteStmt(sqlite3* db, sqlite3_stmt* stmt, std::weak_ptr<StatementCache> cache, std::string_view sql)
      : db_(db), stmt_(stmt), cache_(std::move(cache)), sql_(sql) {}
  ~SqliteStmt() override {
    if (std::shared_ptr<StatementCache> cache = cache_.lock(); cache && stmt_) {
      cache->GiveBack(std::move(sql_), stmt_);
    } else {
      sqlite3_finalize(stmt_);
    }
  }

  void Bind(int i, std::string_view text) override {
    if (stmt_) sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  }
  void Bind(int i, int64_t value) override {
    if (stmt_) sqlite3_bind_int64(stmt_, i, value);
  }
  void BindDouble(int i, double value) override {
    if (stmt_) sqlite3_bind_double(stmt_, i, value);
  }
  void BindBlob(int i, std::string_view bytes) override {
    if (stmt_) sqlite3_bind_blob(stmt_, i, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
  }
  void BindNull(int i) override {
    if (stmt_) sqlite3_bind_null(stmt_, i);
  }
  void BindValue(int i, const EngineValue& value) override { BindBlob(i, value.bytes); }

  StepResult Step() override {
    if (!stmt_) return StepResult::kError;
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return StepResult::kRow;
    if (rc == SQLITE_DONE) return StepResult::kDone;
    status_ = SqliteError(db_, sqlite3_sql(stmt_));
    return StepResult::kError;
  }

  Status Run() override {
    StepResult r;
    while ((r = Step()) == StepResult::kRow) {
    }
    Status s = r == StepResult::kError ? status_ : Status::Ok();
    Reset();
    return s;
  }

  void Reset() override {
    if (!stmt_) return;
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  int64_t Int(int col) const override { return sqlite3_column_int64(stmt_, col); }
  std::string_view Text(int col) const override {
    const unsigned char* p = sqlite3_column_text(stmt_, col);
    if (!p) return {};
    return {reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, col))};
  }
  std::string_view Blob(int col) const override {
    const void* p = sqlite3_column_blob(stmt_, col);
    if (!p) return {};
    return {static_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, col))};
  }
  double Double(int col) const override { return sqlite3_column_double(stmt_, col); }
  bool IsNull(int col) const override { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  const Status& status() const override { return status_; }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  std::weak_ptr<StatementCache> cache_;  // where it goes back when given up, while the connection lives
  std::string sql_;
  Status status_;
};

class SqliteDb final : public DbBackend {
 public:
  explicit SqliteDb(sqlite3* db) : db_(db), cache_(std::make_shared<StatementCache>()) {}
  ~SqliteDb() override {
    ClearDeadline();
    cache_.reset();  // finalizes the idle statements; those still in use finalize themselves
    sqlite3_close_v2(db_);
  }

  Engine engine() const override { return Engine::kSqlite; }

  std::unique_ptr<StmtBackend> Prepare(std::string_view sql) override {
    sqlite3_stmt* stmt = cache_->Take(sql);
    if (!stmt) {
      int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt,
                                  nullptr);
      if (rc != SQLITE_OK) return std::make_unique<SqliteStmt>(db_, nullptr, SqliteError(db_, sql));
    }
    return std::make_unique<SqliteStmt>(db_, stmt, cache_, sql);
  }

  Status Exec(const std::string& sql) override {
    char* err = nullptr;
    int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err);
    if (rc == SQLITE_OK) return Status::Ok();
    std::string m = sql.substr(0, 60) + ": " + (err ? err : sqlite3_errstr(rc));
    sqlite3_free(err);
    return IoError(std::move(m));
  }

  // IMMEDIATE takes the file's write lock at once (waiting up to the busy timeout), so two writers
  // never both read and then fail to upgrade.
  Status BeginWrite() override { return Exec("BEGIN IMMEDIATE"); }
  Status BeginRead() override { return Exec("BEGIN"); }

  void SetBusyTimeout(int ms) override { sqlite3_busy_timeout(db_, ms); }

  // SQLite asks the clock every 4,000 virtual-machine instructions: well under a millisecond of
  // work between two looks, so a statement overruns its deadline by microseconds.
  void SetDeadline(std::chrono::steady_clock::time_point deadline) override {
    deadline_ = deadline;
    sqlite3_progress_handler(db_, 4000, &SqliteDb::StopAfterDeadline, this);
  }
  void ClearDeadline() override { sqlite3_progress_handler(db_, 0, nullptr, nullptr); }

  // Incremental blob I/O: the value is read straight into `out`, whose buffer is reused, instead
  // of SQLite allocating (and faulting in) a fresh copy each time. `key` is the rowid (the table's
  // INTEGER PRIMARY KEY, `key_column`).
  Status ReadBlob(std::string_view table, std::string_view column, std::string_view, int64_t key,
                  std::string& out) override {
    sqlite3_blob* blob = nullptr;
    const std::string t(table), c(column);
    if (sqlite3_blob_open(db_, "main", t.c_str(), c.c_str(), key, 0, &blob) != SQLITE_OK) {
      sqlite3_blob_close(blob);
      return NotFound(t + " " + std::to_string(key) + " is missing");
    }
    out.resize(static_cast<size_t>(sqlite3_blob_bytes(blob)));
    const int rc = sqlite3_blob_read(blob, out.data(), static_cast<int>(out.size()), 0);
    sqlite3_blob_close(blob);
    if (rc != SQLITE_OK) return SqliteError(db_, "reading " + t);
    return Status::Ok();
  }

 private:
  static int StopAfterDeadline(void* self) {
    return std::chrono::steady_clock::now() >= static_cast<SqliteDb*>(self)->deadline_ ? 1 : 0;
  }

  sqlite3* db_;
  std::shared_ptr<StatementCache> cache_;  // shared with its statements only as weak pointers
  std::chrono::steady_clock::time_point deadline_;
};

}  // namespace

Result<Db> OpenSqlite(const std::string& path, bool read_only, int busy_timeout_ms) {
  sqlite3* raw = nullptr;
  int flags = (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Db db(std::make_unique<SqliteDb>(raw));
  if (rc != SQLITE_OK) return IoError(path + ": " + (raw ? sqlite3_errmsg(raw) : "cannot open"));
  sqlite3_busy_timeout(raw, busy_timeout_ms);
  sqlite3_extended_result_codes(raw, 0);
  if (read_only || path == ":memory:") return db;  // a database in memory has no journal file
  // WAL: readers never block the writer nor it them. synchronous=NORMAL in WAL mode loses no
  // committed transaction when the process dies (only, at worst, the last ones on power loss).
  Stmt wal = db.Prepare("PRAGMA journal_mode = WAL");
  if (wal.Step() != StepResult::kRow) return Status(wal.status().code(), path + ": " + wal.status().message());
  if (wal.Text(0) != "wal") return IoError(path + ": cannot switch to WAL mode");
  wal = Stmt();
  // A checkpointed WAL shrinks back to 8 MB instead of staying as large as the largest batch made it.
  if (Status s = db.Exec("PRAGMA synchronous = NORMAL; PRAGMA journal_size_limit = 8388608"); !s.ok()) return s;
  return db;
}

}  // namespace corroborate::store
