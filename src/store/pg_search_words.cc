// PostgreSQL's SearchWordsAhead (see search_words.h): a connection of its own in libpq's pipeline
// mode, each request sent with a synchronisation point of its own (so one failure touches only its
// article, and the server answers each at once), and the answers read in the order sent, when the
// writer takes one. Tested in search_words_test.cc.
#include <libpq-fe.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <mutex>
#include <unordered_map>
#include <unordered_set>

#include "store/search_words.h"

namespace corroborate::store {
namespace {

constexpr Oid kText = 25, kTsvector = 3614;

// The very expression of the articles' trigger (schema_pg.cc, migrations 2 and 9): the words it
// would compute for the row, so that giving them changes nothing stored.
constexpr const char* kWordsSql = "SELECT to_tsvector('simple', left($1 || ' ' || $2, 500000))";

// Answers kept for the writer at most: more are dropped, oldest first (their inserts then leave
// the words to the trigger). Far more than an ingest holds in flight (two batches).
constexpr size_t kMaxKept = 20000;

class PgSearchWords final : public SearchWordsAhead {
 public:
  explicit PgSearchWords(std::string url) : url_(std::move(url)) {}
  ~PgSearchWords() override {
    if (conn_) PQfinish(conn_);
  }

  uint64_t Request(std::string_view title, std::string_view text) override {
    std::lock_guard lock(mu_);
    if (broken_ && !Reconnect()) return 0;
    const char* values[2] = {title.data(), text.data()};
    const int lengths[2] = {static_cast<int>(title.size()), static_cast<int>(text.size())};
    const int formats[2] = {1, 1};  // text's binary form is its bytes
    if (PQsendQueryPrepared(conn_, "words", 2, values, lengths, formats, /*binary=*/1) != 1 ||
        PQpipelineSync(conn_) != 1) {
      Broke();
      return 0;
    }
    const uint64_t ticket = next_ticket_++;
    sent_.push_back(ticket);
    return ticket;
  }

  std::optional<EngineValue> Take(uint64_t ticket) override {
    std::lock_guard lock(mu_);
    while (!sent_.empty() && sent_.front() <= ticket) ReadNext();
    auto it = kept_.find(ticket);
    if (it == kept_.end()) return std::nullopt;
    EngineValue v = std::move(it->second);
    kept_.erase(it);
    return v;
  }

  void Forget(uint64_t ticket) override {
    std::lock_guard lock(mu_);
    if (kept_.erase(ticket) == 0 && !sent_.empty() && ticket >= sent_.front()) forgotten_.insert(ticket);
  }

  // Prepares the statement and enters pipeline mode; false when the connection cannot.
  bool Start() {
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) return false;
    PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
    const Oid types[2] = {kText, kText};
    PGresult* p = PQprepare(conn_, "words", kWordsSql, 2, types);
    const bool ok = PQresultStatus(p) == PGRES_COMMAND_OK;
    PQclear(p);
    return ok && PQenterPipelineMode(conn_) == 1;
  }

 private:
  // Reads the answer to the oldest request: its rows, the end of them, and its sync point.
  void ReadNext() {
    const uint64_t ticket = sent_.front();
    sent_.pop_front();
    const bool wanted = forgotten_.erase(ticket) == 0;
    if (broken_) return;
    int ends = 0;  // results ends (NULLs) met: one is expected, before the sync point
    for (;;) {
      PGresult* r = PQgetResult(conn_);
      if (!r) {
        if (PQstatus(conn_) != CONNECTION_OK || ++ends > 1) return Broke();
        continue;
      }
      const ExecStatusType st = PQresultStatus(r);
      if (st == PGRES_PIPELINE_SYNC) {
        PQclear(r);
        return;
      }
      if (wanted && st == PGRES_TUPLES_OK && PQntuples(r) == 1 && PQnfields(r) == 1 && PQftype(r, 0) == kTsvector &&
          !PQgetisnull(r, 0, 0)) {
        Keep(ticket, EngineValue{kTsvector, std::string(PQgetvalue(r, 0, 0), size_t(PQgetlength(r, 0, 0)))});
      }
      PQclear(r);
    }
  }

  void Keep(uint64_t ticket, EngineValue v) {
    kept_.emplace(ticket, std::move(v));
    if (kept_.size() <= kMaxKept) return;
    uint64_t oldest = ticket;
    for (const auto& [t, _] : kept_) oldest = std::min(oldest, t);
    kept_.erase(oldest);
  }

  // The requests not answered yet are lost (their inserts leave the words to the trigger).
  void Broke() {
    broken_ = true;
    broke_at_ = std::chrono::steady_clock::now();
    sent_.clear();
    forgotten_.clear();
  }

  // A new connection: at the first request (a store opened only to be read needs none), then at
  // most every few seconds (a database that is down is not waited for at every article).
  bool Reconnect() {
    const auto now = std::chrono::steady_clock::now();
    if (conn_ && now - broke_at_ < std::chrono::seconds(5)) return false;
    broke_at_ = now;
    if (conn_) PQfinish(conn_);
    conn_ = PQconnectdb(url_.c_str());
    if (!Start()) return false;
    broken_ = false;
    return true;
  }

  std::mutex mu_;
  std::string url_;
  PGconn* conn_ = nullptr;
  bool broken_ = true;  // until connected
  std::chrono::steady_clock::time_point broke_at_;
  uint64_t next_ticket_ = 1;
  std::deque<uint64_t> sent_;                         // requests whose answers are not read yet, in order
  std::unordered_set<uint64_t> forgotten_;            // among them, those nobody will take
  std::unordered_map<uint64_t, EngineValue> kept_;    // answers read and not taken yet
};

}  // namespace

std::unique_ptr<SearchWordsAhead> SearchWordsAhead::Open(const std::string& location) {
  if (!Db::IsPostgresUrl(location)) return nullptr;
  return std::make_unique<PgSearchWords>(location);  // connects at its first request
}

}  // namespace corroborate::store
