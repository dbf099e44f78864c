// PostgreSQL's SearchWordsAhead (see search_words.h): a connection of its own in libpq's pipeline
// mode, requests sent in groups (a synchronisation point after each), and the answers read in the
// order sent, when the writer takes one. Tested in search_words_test.cc.
#include <libpq-fe.h>
#include <poll.h>

#include <algorithm>
#include <cerrno>
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

// How long an answer is waited for, and a connection: past them, the words are left to the
// trigger (a search words answer takes milliseconds).
constexpr std::chrono::seconds kAnswerTimeLimit{10}, kConnectTimeLimit{10};

// Requests sent between two synchronisation points: the server answers a group at once, and each
// wakes it (and this side) once, not once per article. A failure loses at most its group's words.
constexpr int kRequestsPerSync = 16;

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
    if (PQsendQueryPrepared(conn_, "words", 2, values, lengths, formats, /*binary=*/1) != 1) {
      Broke();
      return 0;
    }
    const uint64_t ticket = next_ticket_++;
    sent_.push_back(Sent{ticket, false});
    if (++unsynced_ >= kRequestsPerSync) SyncPoint();
    return ticket;
  }

  std::optional<EngineValue> Take(uint64_t ticket) override {
    std::lock_guard lock(mu_);
    if (unsynced_ > 0 && ticket > last_synced_) SyncPoint();  // its group is ended now
    while (!sent_.empty() && sent_.front().ticket <= ticket) ReadNext();
    auto it = kept_.find(ticket);
    if (it == kept_.end()) return std::nullopt;
    EngineValue v = std::move(it->second);
    kept_.erase(it);
    return v;
  }

  void Forget(uint64_t ticket) override {
    std::lock_guard lock(mu_);
    if (kept_.erase(ticket) == 0 && !sent_.empty() && ticket >= sent_.front().ticket) forgotten_.insert(ticket);
  }

  // Prepares the statement and enters pipeline mode; false when the connection cannot.
  bool Start() {
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) return false;
    PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
    const Oid types[2] = {kText, kText};
    PGresult* p = PQprepare(conn_, "words", kWordsSql, 2, types);
    const bool ok = PQresultStatus(p) == PGRES_COMMAND_OK;
    PQclear(p);
    // Non-blocking: a request never waits to be sent (libpq keeps what the socket does not take),
    // and an answer is waited for with a time limit (WaitForAnswer).
    return ok && PQsetnonblocking(conn_, 1) == 0 && PQenterPipelineMode(conn_) == 1;
  }

 private:
  struct Sent {
    uint64_t ticket;
    bool ends_group;  // the last request before a synchronisation point
  };

  // Ends the group of requests (sending it), and moves the answers that arrived meanwhile into
  // libpq's buffer without waiting for any: left in the socket, they would fill it and stop the
  // server until the writer takes them.
  void SyncPoint() {
    if (PQpipelineSync(conn_) != 1 || PQflush(conn_) < 0 || PQconsumeInput(conn_) != 1) return Broke();
    sent_.back().ends_group = true;
    last_synced_ = sent_.back().ticket;
    unsynced_ = 0;
  }

  // Reads the answer to the oldest request: its result and the end of it, then, for the last of
  // a group, the synchronisation point. A failed request's group answers the rest as aborted.
  void ReadNext() {
    const Sent sent = sent_.front();
    sent_.pop_front();
    const bool wanted = forgotten_.erase(sent.ticket) == 0;
    if (broken_) return;
    bool ended = false;  // the request's results ended (a NULL from PQgetResult)
    const auto deadline = std::chrono::steady_clock::now() + kAnswerTimeLimit;
    for (;;) {
      if (!WaitForAnswer(deadline)) return Broke();
      PGresult* r = PQgetResult(conn_);
      if (!r) {
        if (PQstatus(conn_) != CONNECTION_OK || ended) return Broke();
        ended = true;
        if (!sent.ends_group) return;
        continue;
      }
      const ExecStatusType st = PQresultStatus(r);
      if (st == PGRES_PIPELINE_SYNC) {
        PQclear(r);
        if (!ended || !sent.ends_group) return Broke();  // out of step: trust nothing more
        return;
      }
      if (wanted && st == PGRES_TUPLES_OK && PQntuples(r) == 1 && PQnfields(r) == 1 && PQftype(r, 0) == kTsvector &&
          !PQgetisnull(r, 0, 0)) {
        Keep(sent.ticket, EngineValue{kTsvector, std::string(PQgetvalue(r, 0, 0), size_t(PQgetlength(r, 0, 0)))});
      }
      PQclear(r);
    }
  }

  // Sends what waits to be sent and reads what came until PQgetResult would not wait; false when
  // the connection fails or `deadline` passes first (a server gone without closing the connection,
  // a network cut: the writer must not wait for ever for words the trigger can compute).
  bool WaitForAnswer(std::chrono::steady_clock::time_point deadline) {
    for (;;) {
      const int unsent = PQflush(conn_);
      if (unsent < 0 || PQconsumeInput(conn_) != 1) return false;
      if (!PQisBusy(conn_)) return true;
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
      if (left <= 0) return false;
      pollfd fd{PQsocket(conn_), static_cast<short>(POLLIN | (unsent ? POLLOUT : 0)), 0};
      if (poll(&fd, 1, static_cast<int>(std::min<int64_t>(left, 1000))) < 0 && errno != EINTR) return false;
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
    unsynced_ = 0;
  }

  // A new connection: at the first request (a store opened only to be read needs none), then at
  // most every few seconds (a database that is down is not waited for at every article).
  bool Reconnect() {
    const auto now = std::chrono::steady_clock::now();
    if (conn_ && now - broke_at_ < std::chrono::seconds(5)) return false;
    broke_at_ = now;
    if (conn_) PQfinish(conn_);
    // At most kConnectTimeLimit to connect, unless the URL says otherwise (it comes after, and wins).
    // Named, where the URL names it nothing else, for whoever looks at the server's sessions.
    const char* keywords[] = {"connect_timeout", "fallback_application_name", "dbname", nullptr};
    const std::string limit = std::to_string(kConnectTimeLimit.count());
    const char* values[] = {limit.c_str(), "corroborate search words", url_.c_str(), nullptr};
    conn_ = PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
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
  int unsynced_ = 0;                                // requests sent since the last synchronisation point
  uint64_t last_synced_ = 0;                        // the last request before it
  std::deque<Sent> sent_;                           // requests whose answers are not read yet, in order
  std::unordered_set<uint64_t> forgotten_;          // among them, those nobody will take
  std::unordered_map<uint64_t, EngineValue> kept_;  // answers read and not taken yet
};

}  // namespace

std::unique_ptr<SearchWordsAhead> SearchWordsAhead::Open(const std::string& location) {
  if (!Db::IsPostgresUrl(location)) return nullptr;
  return std::make_unique<PgSearchWords>(location);  // connects at its first request
}

}  // namespace corroborate::store
