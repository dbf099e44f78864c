// The PostgreSQL backend (see pg_db.h). Tested in db_test.cc and the store suite on PostgreSQL.
#include "store/pg_db.h"

#include <endian.h>
#include <libpq-fe.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

namespace corroborate::store {

std::string PostgresParameters(std::string_view sql, int& params) {
  std::string out;
  out.reserve(sql.size());
  params = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {  // a string or a quoted name, copied whole ('' and "" stay inside)
      const size_t end = sql.find(c, i + 1);
      const size_t stop = end == std::string_view::npos ? sql.size() : end + 1;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {  // a comment, to its line's end
      const size_t end = sql.find('\n', i);
      const size_t stop = end == std::string_view::npos ? sql.size() : end;
      out.append(sql.substr(i, stop - i));
      i = stop - 1;
    } else if (c == '?' && i + 1 < sql.size() && sql[i + 1] >= '0' && sql[i + 1] <= '9') {
      int n = 0;
      size_t j = i + 1;
      while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9') n = n * 10 + (sql[j++] - '0');
      params = std::max(params, n);
      out += '$';
      out.append(sql.substr(i + 1, j - i - 1));
      i = j - 1;
    } else {
      out += c;
    }
  }
  return out;
}

std::string RedactedUrl(std::string_view url) {
  const size_t scheme = url.find("://");
  const size_t at = url.find('@');
  if (scheme == std::string_view::npos || at == std::string_view::npos) return std::string(url);
  const size_t colon = url.find(':', scheme + 3);
  if (colon == std::string_view::npos || colon > at) return std::string(url);
  return std::string(url.substr(0, colon)) + ":***" + std::string(url.substr(at));
}

namespace {

// Type ids of pg_type that the store sends or reads.
constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kText = 25, kFloat4 = 700, kFloat8 = 701;

// SQLSTATE classes as the store's codes: a statement stopped by its time limit (57014), SQL or
// query text the server cannot read (42: syntax, 22: data), anything else a failure of the store.
Status PgError(const PGresult* res, PGconn* conn, std::string_view what) {
  const char* state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  const char* primary = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  std::string m = std::string(what.substr(0, 200)) + ": " +
                  (primary ? primary : conn ? PQerrorMessage(conn) : "out of memory");
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  const std::string_view code = state ? state : "";
  if (code == "57014") return LimitExceeded(std::move(m));
  if (code.starts_with("42") || code.starts_with("22")) return InvalidInput(std::move(m));
  return IoError(std::move(m));
}

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

class PgDb;

class PgStmt final : public StmtBackend {
 public:
  PgStmt(PgDb* db, std::string sql, int params) : db_(db), sql_(std::move(sql)), params_(static_cast<size_t>(params)) {}

  void Bind(int i, std::string_view text) override { Set(i, kText, text); }
  void Bind(int i, int64_t value) override {
    const uint64_t be = htobe64(static_cast<uint64_t>(value));
    Set(i, kInt8, std::string_view(reinterpret_cast<const char*>(&be), sizeof be));
  }
  void BindDouble(int i, double value) override {
    uint64_t bits;
    std::memcpy(&bits, &value, sizeof bits);
    bits = htobe64(bits);
    Set(i, kFloat8, std::string_view(reinterpret_cast<const char*>(&bits), sizeof bits));
  }
  void BindBlob(int i, std::string_view bytes) override { Set(i, kBytea, bytes); }
  void BindNull(int i) override {
    if (i >= 1 && size_t(i) <= params_.size()) params_[size_t(i) - 1] = Param{};
  }
  void BindValue(int i, const EngineValue& value) override { Set(i, value.type, value.bytes); }

  StepResult Step() override;
  Status Run() override {
    if (Status s; Deferred(s)) {
      Reset();
      return s;
    }
    StepResult r;
    while ((r = Step()) == StepResult::kRow) {
    }
    Status s = r == StepResult::kError ? status_ : Status::Ok();
    Reset();
    return s;
  }
  void Reset() override {
    res_.reset();
    row_ = -1;
    for (Param& p : params_) p = Param{};
    converted_.clear();
  }

  int64_t Int(int col) const override {
    const char* v = Value(col);
    if (!v) return 0;
    switch (PQftype(res_.get(), col)) {
      case kInt8: return static_cast<int64_t>(be64toh(Load<uint64_t>(v)));
      case kInt4: return static_cast<int32_t>(be32toh(Load<uint32_t>(v)));
      case kInt2: return static_cast<int16_t>(be16toh(Load<uint16_t>(v)));
      case kBool: return v[0] ? 1 : 0;
      case kFloat4: case kFloat8: return static_cast<int64_t>(Double(col));
      default: return std::strtoll(std::string(Text(col)).c_str(), nullptr, 10);  // SQLite reads text's leading number
    }
  }
  double Double(int col) const override {
    const char* v = Value(col);
    if (!v) return 0;
    switch (PQftype(res_.get(), col)) {
      case kFloat8: {
        const uint64_t bits = be64toh(Load<uint64_t>(v));
        double d;
        std::memcpy(&d, &bits, sizeof d);
        return d;
      }
      case kFloat4: {
        const uint32_t bits = be32toh(Load<uint32_t>(v));
        float f;
        std::memcpy(&f, &bits, sizeof f);
        return f;
      }
      case kInt8: case kInt4: case kInt2: case kBool: return static_cast<double>(Int(col));
      default: return std::strtod(std::string(Text(col)).c_str(), nullptr);
    }
  }
  // Text as it is; numbers written as SQLite writes them (integers in decimal, reals with 15 digits).
  std::string_view Text(int col) const override {
    const char* v = Value(col);
    if (!v) return {};
    const Oid type = PQftype(res_.get(), col);
    char buf[40];
    switch (type) {
      case kInt8: case kInt4: case kInt2: case kBool:
        std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(Int(col)));
        return converted_.emplace_back(buf);
      case kFloat4: case kFloat8:
        std::snprintf(buf, sizeof buf, "%.15g", Double(col));
        return converted_.emplace_back(buf);
      default: return Blob(col);
    }
  }
  std::string_view Blob(int col) const override {
    const char* v = Value(col);
    if (!v) return {};
    return {v, static_cast<size_t>(PQgetlength(res_.get(), row_, col))};
  }
  bool IsNull(int col) const override { return Value(col) == nullptr; }
  const Status& status() const override { return status_; }

 private:
  struct Param {
    Oid type = 0;  // 0: NULL
    std::string bytes;
  };
  template <typename T>
  static T Load(const char* p) {
    T v;
    std::memcpy(&v, p, sizeof v);
    return v;
  }
  void Set(int i, Oid type, std::string_view bytes) {
    if (i < 1 || size_t(i) > params_.size()) return;  // as SQLite: a parameter the SQL lacks is ignored
    Param& p = params_[size_t(i) - 1];
    p.type = type;
    p.bytes.assign(bytes);
  }
  // Inside a write transaction the statement is queued without waiting for its outcome (PgDb's
  // pipeline); true then, with `s` OK or a failure found while queuing.
  bool Deferred(Status& s);
  struct Wire;
  Wire Params() const;
  const char* Value(int col) const {
    if (!res_ || row_ < 0 || PQgetisnull(res_.get(), row_, col)) return nullptr;
    return PQgetvalue(res_.get(), row_, col);
  }

  PgDb* db_;
  std::string sql_;
  std::vector<Param> params_;
  PgResult res_;
  int row_ = -1;
  Status status_;
  mutable std::deque<std::string> converted_;  // Text of numbers: alive until the next step
};

class PgDb final : public DbBackend {
 public:
  PgDb(PGconn* conn, bool read_only) : conn_(conn), read_only_(read_only) {}
  ~PgDb() override { PQfinish(conn_); }

  Engine engine() const override { return Engine::kPostgres; }

  std::unique_ptr<StmtBackend> Prepare(std::string_view sql) override {
    int params = 0;
    std::string translated = PostgresParameters(sql, params);
    return std::make_unique<PgStmt>(this, std::move(translated), params);
  }

  Status Exec(const std::string& sql) override {
    if (pipelining_) {
      // The queued statements' outcome first: a failure among them fails the COMMIT (or whatever
      // comes next) as it would have failed its own statement. A ROLLBACK goes ahead regardless.
      Status queued = EndPipeline();
      if (!queued.ok() && sql != "ROLLBACK") return queued;
    }
    if (sql == "COMMIT" || sql == "ROLLBACK") in_transaction_ = false;  // after it, whatever its outcome
    if (Status s = Reconnect(); !s.ok()) return s;
    PgResult res(PQexec(conn_, sql.c_str()));
    const ExecStatusType st = PQresultStatus(res.get());
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return PgError(res.get(), conn_, sql.substr(0, 60));
    // COMMIT of a transaction in which a statement failed rolls back without an error: the store
    // must not take that for a commit.
    if (sql == "COMMIT" && std::string_view(PQcmdStatus(res.get())) == "ROLLBACK") {
      return IoError("COMMIT: the transaction was rolled back after a failed statement");
    }
    return Status::Ok();
  }

  // All writers take one transaction-scoped advisory lock first, so they follow one another as
  // SQLite's BEGIN IMMEDIATE makes them: each sees every earlier writer's rows (the clusterer
  // replays them) and the rowids it takes are in commit order. It waits at most lock_timeout.
  Status BeginWrite() override {
    // The lock is the store's: its key names the schema too, so stores in other schemas of the same
    // database (the tests') do not wait for one another.
    if (Status s = Begin("BEGIN; SELECT pg_advisory_xact_lock(" + std::to_string(kWriteLock) +
                         ", hashtext(current_schema()))");
        !s.ok()) {
      return s;
    }
    // Pipeline mode until the transaction ends: statements whose rows nobody reads (inserts,
    // updates, deletes: Stmt::Run) are sent without waiting for the server's answer, and the
    // answers are read together at the next statement that gives rows. An ingest batch sends
    // thousands of such statements; one round trip each made PostgreSQL ingest several times
    // slower than SQLite's.
    if (PQenterPipelineMode(conn_) == 1) pipelining_ = true;
    return Status::Ok();
  }
  // One snapshot for every statement of the transaction, as a SQLite read transaction gives.
  Status BeginRead() override { return Begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); }

  void SetBusyTimeout(int ms) override {
    busy_timeout_ms_ = ms;
    (void)Exec("SET lock_timeout = " + std::to_string(ms));
  }

  void SetDeadline(std::chrono::steady_clock::time_point deadline) override { deadline_ = deadline; }
  void ClearDeadline() override {
    deadline_.reset();
    if (statement_timeout_ms_ != 0) {
      statement_timeout_ms_ = 0;
      (void)Exec("SET statement_timeout = 0");
    }
  }

  Status ReadBlob(std::string_view table, std::string_view column, std::string_view key_column, int64_t key,
                  std::string& out) override {
    PgStmt s(this, "SELECT " + std::string(column) + " FROM " + std::string(table) + " WHERE " +
                       std::string(key_column) + " = $1",
             1);
    s.Bind(1, key);
    const StepResult r = s.Step();
    if (r == StepResult::kError) return s.status();
    if (r == StepResult::kDone) return NotFound(std::string(table) + " " + std::to_string(key) + " is missing");
    const std::string_view bytes = s.Blob(0);
    out.assign(bytes.data(), bytes.size());
    return Status::Ok();
  }

  // Runs `sql` with `params`: prepared under a name of its own the first time this connection
  // sees this text with these parameter types, then executed by name.
  PgResult Execute(const std::string& sql, int n, const char* const* values, const int* lengths,
                   const int* formats, const Oid* types, Status& status) {
    if (Status s = Reconnect(); !s.ok()) {
      status = s;
      return nullptr;
    }
    if (Status s = ApplyDeadline(); !s.ok()) {
      status = s;
      return nullptr;
    }
    std::string key = sql;
    key.append(reinterpret_cast<const char*>(types), sizeof(Oid) * size_t(n));
    auto it = prepared_.find(key);
    if (pipelining_) {
      if (!Queue(sql, key, it, n, values, lengths, formats, types, status)) return nullptr;
      return Sync(status);
    }
    if (it == prepared_.end() && prepared_.size() < kMaxPrepared) {
      const std::string name = "c" + std::to_string(next_name_++);
      PgResult p(PQprepare(conn_, name.c_str(), sql.c_str(), n, types));
      if (PQresultStatus(p.get()) != PGRES_COMMAND_OK) {
        status = PgError(p.get(), conn_, sql);
        return nullptr;
      }
      it = prepared_.emplace(std::move(key), name).first;
    }
    // Past kMaxPrepared (queries whose text holds their page) the statement is sent unnamed.
    PgResult res(it != prepared_.end()
                     ? PQexecPrepared(conn_, it->second.c_str(), n, values, lengths, formats, /*binary=*/1)
                     : PQexecParams(conn_, sql.c_str(), n, types, values, lengths, formats, /*binary=*/1));
    const ExecStatusType st = PQresultStatus(res.get());
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
      status = PgError(res.get(), conn_, sql);
      return nullptr;
    }
    status = Status::Ok();
    return res;
  }

  bool pipelining() const { return pipelining_; }

  // Queues `sql` in the pipeline without waiting (Stmt::Run in a write transaction).
  Status QueueDeferred(const std::string& sql, int n, const char* const* values, const int* lengths,
                       const int* formats, const Oid* types) {
    std::string key = sql;
    key.append(reinterpret_cast<const char*>(types), sizeof(Oid) * size_t(n));
    auto it = prepared_.find(key);
    Status status;
    if (!Queue(sql, key, it, n, values, lengths, formats, types, status)) return status;
    ++deferred_;
    // The answers waiting to be read cannot block the server: when libpq cannot send because the
    // server is busy writing answers nobody reads, it reads them into its own buffer meanwhile (a
    // few dozen bytes per write). Bounded only so that this buffer stays within a few megabytes:
    // each stop here makes this side wait for the server to catch up.
    if (deferred_ >= kMaxDeferred) {
      PgResult none = Sync(status, /*want_last=*/false);
      return status;
    }
    return Status::Ok();
  }

 private:
  static constexpr int kMaxDeferred = 50000;

  // Sends `sql` (prepared on first use) into the pipeline. False with `status` set on failure.
  bool Queue(const std::string& sql, std::string& key, std::unordered_map<std::string, std::string>::iterator it,
             int n, const char* const* values, const int* lengths, const int* formats, const Oid* types,
             Status& status) {
    if (it == prepared_.end() && prepared_.size() < kMaxPrepared) {
      const std::string name = "c" + std::to_string(next_name_++);
      if (PQsendPrepare(conn_, name.c_str(), sql.c_str(), n, types) != 1) {
        status = PgError(nullptr, conn_, sql);
        return false;
      }
      ++deferred_;  // its answer is read with the deferred statements'
      it = prepared_.emplace(std::move(key), name).first;
      fresh_.push_back(it->first);
    }
    const int sent = it != prepared_.end()
                         ? PQsendQueryPrepared(conn_, it->second.c_str(), n, values, lengths, formats, 1)
                         : PQsendQueryParams(conn_, sql.c_str(), n, types, values, lengths, formats, 1);
    if (sent != 1) {
      status = PgError(nullptr, conn_, sql);
      return false;
    }
    return true;
  }

  // Ends the pipeline's current stretch: reads the answers of the deferred statements (the first
  // failure among them is the outcome) and, when `want_last`, keeps the last statement's answer.
  PgResult Sync(Status& status, bool want_last = true) {
    status = Status::Ok();
    if (PQpipelineSync(conn_) != 1) {
      unsound_ = true;
      status = PgError(nullptr, conn_, "pipeline");
      return nullptr;
    }
    PgResult last;
    Status failure;
    const int answers = deferred_ + (want_last ? 1 : 0);
    for (int i = 0; i < answers; ++i) {
      PgResult r(PQgetResult(conn_));
      if (!r) {  // the connection is gone, or the answers are out of step with what was sent
        unsound_ = true;
        failure = IoError(std::string("PostgreSQL: ") + PQerrorMessage(conn_));
        break;
      }
      const ExecStatusType st = PQresultStatus(r.get());
      if (st == PGRES_FATAL_ERROR && failure.ok()) failure = PgError(r.get(), conn_, "a queued statement");
      while (PGresult* more = PQgetResult(conn_)) PQclear(more);  // to this answer's end
      if (want_last && i == answers - 1 && st != PGRES_FATAL_ERROR && st != PGRES_PIPELINE_ABORTED) last = std::move(r);
    }
    deferred_ = 0;
    // Then the synchronisation point's own result. One empty answer ends a statement's results;
    // two in a row mean nothing more is coming (the sync's answer was taken for a statement's), and
    // waiting on would spin for ever.
    for (int empty = 0;;) {
      PgResult r(PQgetResult(conn_));
      if (!r) {
        const bool gone = PQstatus(conn_) != CONNECTION_OK;
        if (gone || ++empty == 2) {
          unsound_ = true;
          if (failure.ok()) failure = IoError(std::string("PostgreSQL: ") + (gone ? PQerrorMessage(conn_) : "the pipeline's answers were out of step"));
          break;
        }
        continue;
      }
      empty = 0;
      if (PQresultStatus(r.get()) == PGRES_PIPELINE_SYNC) break;
    }
    if (!failure.ok()) {
      for (const std::string& k : fresh_) prepared_.erase(k);  // perhaps never prepared
      fresh_.clear();
      status = failure;
      return nullptr;
    }
    fresh_.clear();
    if (want_last && !last) status = IoError("PostgreSQL: no answer to a statement");
    return last;
  }

  // Reads what is still queued and leaves pipeline mode.
  Status EndPipeline() {
    Status status;
    if (deferred_ > 0) PgResult none = Sync(status, /*want_last=*/false);
    if (PQexitPipelineMode(conn_) != 1) unsound_ = true;  // answers still pending: start afresh
    pipelining_ = false;
    return status;
  }

  static constexpr int32_t kWriteLock = 0x43525242;  // "CRRB", as the SQLite file's application_id
  static constexpr size_t kMaxPrepared = 512;

  Status Begin(const std::string& sql) {
    Status s = Exec(sql);
    if (!s.ok()) {
      (void)Exec("ROLLBACK");  // a failed BEGIN; SELECT … leaves an aborted transaction
      return s;
    }
    in_transaction_ = true;
    return s;
  }

  // A connection the server dropped (a restart) is made again, between transactions only: inside
  // one, what it did is lost and the transaction fails as it must.
  Status Reconnect() {
    if (PQstatus(conn_) == CONNECTION_OK && !unsound_) return Status::Ok();
    // Never inside a transaction: the statements after it would each commit on their own.
    if (in_transaction_) return IoError(std::string("PostgreSQL: the connection was lost: ") + PQerrorMessage(conn_));
    PQreset(conn_);
    if (PQstatus(conn_) != CONNECTION_OK) return IoError(std::string("PostgreSQL: ") + PQerrorMessage(conn_));
    unsound_ = false;
    prepared_.clear();
    pipelining_ = false;
    deferred_ = 0;
    fresh_.clear();
    statement_timeout_ms_ = 0;
    return Configure(conn_, read_only_, busy_timeout_ms_);
  }

  // The time left before the deadline, as the server's statement_timeout (the server stops a
  // statement that runs past it: 57014, kLimitExceeded).
  Status ApplyDeadline() {
    if (!deadline_) return Status::Ok();
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*deadline_ - std::chrono::steady_clock::now());
    if (left.count() <= 0) return LimitExceeded("the statement's time limit has passed");
    const int64_t ms = left.count();
    // Set again only when it moved by more than a tenth: one round trip saved per statement.
    if (statement_timeout_ms_ == 0 || ms < statement_timeout_ms_ * 9 / 10) {
      statement_timeout_ms_ = ms;
      PgResult res(PQexec(conn_, ("SET statement_timeout = " + std::to_string(ms)).c_str()));
      if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) return PgError(res.get(), conn_, "statement_timeout");
    }
    return Status::Ok();
  }

 public:
  static Status Configure(PGconn* conn, bool read_only, int busy_timeout_ms) {
    // Notices (a search for a word the text-search parser drops) are no business of the store's.
    PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
    std::string setup = "SET lock_timeout = " + std::to_string(busy_timeout_ms) + "; SET client_min_messages = warning";
    if (read_only) setup += "; SET default_transaction_read_only = on";
    PgResult res(PQexec(conn, setup.c_str()));
    if (PQresultStatus(res.get()) != PGRES_COMMAND_OK) return PgError(res.get(), conn, "configuring the connection");
    // Large values (an article's text, its features and search words, a story's report) are
    // compressed with lz4 rather than the default pglz: pglz took about a fifth of the server's
    // time per stored article, lz4 a few percent, for about 3% more disk. A server built without
    // lz4 refuses the setting and keeps pglz: the values read back the same either way.
    if (!read_only) PgResult lz4(PQexec(conn, "SET default_toast_compression = lz4"));
    return Status::Ok();
  }

 private:
  PGconn* conn_;
  bool read_only_;
  int busy_timeout_ms_ = 30000;
  std::unordered_map<std::string, std::string> prepared_;  // text + parameter types → statement name
  int next_name_ = 0;
  bool pipelining_ = false;
  bool in_transaction_ = false;      // between a Begin and its COMMIT or ROLLBACK
  int deferred_ = 0;                 // statements queued whose answers are not read yet
  // The pipeline's bookkeeping went wrong (an answer missing, pipeline mode not left) on a
  // connection libpq may still call OK: it is made again at the next transaction.
  bool unsound_ = false;
  std::vector<std::string> fresh_;   // prepared_ keys queued since the last sync
  std::optional<std::chrono::steady_clock::time_point> deadline_;
  int64_t statement_timeout_ms_ = 0;  // as last set; 0 = none
};

// The parameters as libpq takes them: binary format for all (text as its bytes), a NULL's type
// left for the server to infer.
struct PgStmt::Wire {
  std::vector<const char*> values;
  std::vector<int> lengths, formats;
  std::vector<Oid> types;
};

PgStmt::Wire PgStmt::Params() const {
  const size_t n = params_.size();
  Wire w{std::vector<const char*>(n + 1), std::vector<int>(n + 1), std::vector<int>(n + 1, 1), std::vector<Oid>(n + 1)};
  for (size_t i = 0; i < n; ++i) {
    const Param& p = params_[i];
    w.values[i] = p.type ? p.bytes.data() : nullptr;
    w.lengths[i] = static_cast<int>(p.bytes.size());
    w.types[i] = p.type;
  }
  return w;
}

bool PgStmt::Deferred(Status& s) {
  if (!db_->pipelining()) return false;
  const Wire w = Params();
  s = db_->QueueDeferred(sql_, static_cast<int>(params_.size()), w.values.data(), w.lengths.data(), w.formats.data(),
                         w.types.data());
  return true;
}

StepResult PgStmt::Step() {
  if (!res_) {
    const Wire w = Params();
    res_ = db_->Execute(sql_, static_cast<int>(params_.size()), w.values.data(), w.lengths.data(), w.formats.data(),
                        w.types.data(), status_);
    if (!res_) return StepResult::kError;
    row_ = -1;
  }
  converted_.clear();
  ++row_;
  return row_ < PQntuples(res_.get()) ? StepResult::kRow : StepResult::kDone;
}

}  // namespace

Result<Db> OpenPostgres(const std::string& url, bool read_only, int busy_timeout_ms) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (!conn) return IoError(RedactedUrl(url) + ": out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string m = RedactedUrl(url) + ": " + PQerrorMessage(conn);
    while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
    PQfinish(conn);
    return IoError(std::move(m));
  }
  Db db(std::make_unique<PgDb>(conn, read_only));
  if (Status s = PgDb::Configure(conn, read_only, busy_timeout_ms); !s.ok()) return s;
  static_cast<PgDb*>(db.backend())->SetBusyTimeout(busy_timeout_ms);  // kept for reconnecting
  return db;
}

}  // namespace corroborate::store
