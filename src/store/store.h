// The store: articles, their mentions, stories with their reports, events with sources and evidence,
// kept in one SQLite file (WAL mode) or a PostgreSQL database (db.h), so that `corroborate ingest`
// adds to it incrementally and `corroborate serve` reads it while it grows. Tested in store_test.cc,
// tests/store/crash_test.py and tests/store/pg_same_as_sqlite.py.
//
//   Result<std::unique_ptr<Store>> s = Store::Open("news.db", StoreOptions{});
//   if (!s.ok()) { report(s.status().message()); return; }
//   IngestReport r = (*s)->IngestJsonLines(body, "request");     // POST /api/articles
//   std::string reply = IngestReportJson(r);
//   Result<std::string> story = (*s)->StoryJson("s3");           // GET /api/stories/s3
//   if (!story.ok() && story.status().code() == StatusCode::kNotFound) { /* 404 */ }
//
// Ingest is idempotent: an article is known by its id; the same id with the same raw input (hash
// of the body and the metadata its container gave) is a duplicate and changes nothing; the same id
// with different raw input is rejected ("already stored with different content"): the stored
// version stays, because a story once assigned is never revisited. Ingest is incremental: each new
// article joins an existing story or opens one through the cluster stage, whose state is rebuilt
// from the features stored with every article (no article is cleaned or extracted again); the
// stories a batch touched get their report recomputed and stored, so reading a story is a lookup.
// Ingest is crash-safe: articles are written in transactions, and an article counts as stored
// (acknowledged) only once its transaction has committed.
//
// Threads: every method may be called from any thread at the same time. Reads use a pool of
// read-only connections (readers never wait for the writer: SQLite's WAL, PostgreSQL's snapshots);
// writes are serialised inside the process, and across processes by the engine's write lock
// (SQLite's, or an advisory lock on PostgreSQL; with a busy timeout). Within one ingest call,
// articles are prepared on StoreOptions::threads threads, up to a batch ahead of the commits, and
// committed in input order (pipeline/ordered_run.h): memory holds at most two
// batches of articles (besides the writer's), whatever the input's size.
//
// The query methods return ready JSON (the shapes of the HTTP API, docs/ARCHITECTURE.md "Store");
// kNotFound means no such story or article, kInvalidInput a bad query (a malformed search, a bad
// date), any other code a failure of the store itself.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "ingest/input_reader.h"

namespace corroborate::store {

struct StoreOptions {
  // Milliseconds a write waits for another process's write lock before failing.
  int busy_timeout_ms = 30000;
  // Articles committed per transaction by Ingest (a larger batch is faster; each article is
  // acknowledged only when its batch commits).
  size_t batch_articles = 1000;
  // Threads that prepare articles for Ingest and IngestJsonLines (look the id up, clean, extract,
  // events, cluster features); 0 = every core the process may use. Batches are still committed in
  // input order, so the store ends the same for any count. 1 by default: `corroborate serve`
  // answers requests on threads of its own and keeps each POST on its request's thread.
  size_t threads = 1;
  // How an id stored with other content is treated. false: rejected ("already stored with
  // different content"), what `corroborate ingest` of files does unless given --versions. true: a
  // new version of that article when its cleaned title, text, author or date differ from the
  // stored ones (every version is kept, and what changed is listed), else a duplicate; what the
  // live producers do (`watch`, and POST /api/articles in `serve`). Either way a raw input equal
  // to any version already stored is a duplicate, so re-running an ingest adds nothing.
  bool versions = false;
  ReadLimits read;
  // A search (SearchJson) still running after this is stopped with kLimitExceeded. Searches are
  // plain words, whose cost grows with their postings; this bounds the rare costly one (the most
  // common words over a large store) so that it cannot hold a thread of the server for long.
  int search_time_limit_ms = 2000;
};

// The outcome of one ingest call, per the HTTP API's POST /api/articles reply.
struct IngestReport {
  size_t accepted = 0;                // articles newly stored
  size_t duplicates = 0;              // articles already stored with the same raw input
  size_t versions = 0;                // new versions of stored articles (StoreOptions::versions)
  std::vector<InputProblem> rejected; // lines (or files) not stored, with the reason
  std::vector<std::string> stories;   // ids of the stories the new articles joined or opened, sorted
};

// `location` (a file or a URL) as messages name it: a URL's password is left out.
std::string StoreLocationName(const std::string& location);

// {"accepted": n, "duplicates": n, "rejected": [{"line": k, "error": "..."}], "stories": [...]}
std::string IngestReportJson(const IngestReport& report);

// Called after each committed transaction: the ids it stored (new or already there), and the
// running totals. What `corroborate ingest --acks FILE` writes and its progress bar shows.
struct CommitProgress {
  std::vector<std::string> acknowledged;  // ids whose state is now durable, input order
  size_t accepted = 0;                    // running total of newly stored articles
  size_t duplicates = 0;
  size_t stories = 0;                     // stories in the store
};
// A failure it returns stops the ingest (what was committed stays), and Ingest returns it.
using CommitCallback = std::function<Status(const CommitProgress&)>;
// Called per article read (before it is stored) with the bytes of its raw body: for progress.
using ReadCallback = std::function<void(size_t body_bytes)>;

// One record of the change log (store/story_changes.h): what a commit changed in a story.
struct Change {
  int64_t seq = 0;
  std::string kind;  // story | event | conflict | correction
  std::string json;
};

// A feed's HTTP validators, kept between polls for conditional GET.
struct FeedValidators {
  std::string etag, last_modified;
};

struct StoryQuery {
  int page = 1;
  int per_page = 20;
  std::string entity;   // a canonical name the story's events or articles mention; "" for any
  std::string type;     // an event type (EVENTS.md) the story holds; "" for any
  std::string from;     // YYYY-MM-DD: stories whose last article is on or after it; "" for any
  std::string to;       // YYYY-MM-DD: stories whose first article is on or before it
};

struct StorylineQuery {
  int page = 1;
  int per_page = 20;
  std::string entity;   // a canonical name one of its stories mentions; "" for any
  std::string from;     // YYYY-MM-DD: storylines whose last article is on or after it
  std::string to;       // YYYY-MM-DD: storylines whose first article is on or before it
};

struct EventQuery {
  int page = 1;
  int per_page = 20;
  std::string type;
  std::string entity;   // a canonical name filling one of the event's roles
  std::string origin;   // one of the event's independent origins (an outlet, or the organisation cited)
  std::string cited;    // whom a claim of the event cites ("Reuters", "people familiar with the matter")
};

struct SearchQuery {
  int page = 1;
  int per_page = 20;
  std::string q;        // words and "quoted phrases", all required, over titles and texts (search_query.h)
};

// A worker of the work queue (Store::Work, `corroborate worker`).
struct WorkerOptions {
  std::string name;              // unique among the workers of a store: host:pid when empty
  size_t batch_articles = 1000;  // articles claimed, prepared and committed at once (as ingest's --batch)
  int64_t lease_ms = 60000;      // a claim not renewed for this long may be taken by another worker
  bool follow = false;           // keep waiting for work when the queue is empty, instead of returning
  int poll_ms = 100;             // between looks at a queue that has nothing for this worker yet
  // A store that keeps failing (unreachable, restarting) is retried for this long, then Work fails.
  int retry_seconds = 600;
};

// What one worker did, and where its time went (the serial fraction of docs/BENCHMARKS.md).
struct WorkerReport {
  size_t accepted = 0, duplicates = 0, versions = 0;
  std::vector<InputProblem> rejected;
  size_t batches = 0;             // committed
  size_t lost = 0;                // articles prepared whose lease passed and another worker took
  size_t failures = 0;            // store calls that failed and were retried
  double prepare_seconds = 0;     // clean, extract, events, features (on every thread)
  double commit_seconds = 0;      // the ordered step: replaying what others committed just before its
                                  // turn, then holding the store's write lock: assignment, rows, reports
  double queue_seconds = 0;       // claiming and renewing
  double idle_seconds = 0;        // waiting for work or for an earlier article's turn (not replaying)
  double total_seconds = 0;
  // Processor time (every thread of the process): of the commits, and in all. The serial share of
  // the work, unlike the wall-clock times, does not depend on what else the host runs.
  double commit_cpu_seconds = 0;
  double cpu_seconds = 0;
  // Replaying others' commits into the clusterer while waiting for its turn (outside the ordered
  // step; Writer::CatchUpWithoutLock), wall and processor time.
  double replay_seconds = 0;
  double replay_cpu_seconds = 0;
};

class Store {
 public:
  // Opens (creating if needed) the store at `path`: a SQLite file (switched to WAL), or a
  // PostgreSQL database when `path` is a postgresql:// URL (docs/ARCHITECTURE.md "PostgreSQL"),
  // and brings its schema to the current version. Fails on a file or database that is not a store
  // or of a newer schema version.
  static Result<std::unique_ptr<Store>> Open(const std::string& path, const StoreOptions& options);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Ingests every input of the contract (files, folders, "-"), batch by batch. Problems (unreadable
  // inputs, rejected articles) go to `on_problem` as they are found and are listed in the report.
  // Fails only when the store itself fails (a disk error) or `on_commit` does; what was committed
  // before stays.
  Result<IngestReport> Ingest(const std::vector<std::string>& inputs, const ProblemCallback& on_problem,
                              const CommitCallback& on_commit = {}, const ReadCallback& on_read = {});

  // Ingests JSON Lines held in memory (one article object, possibly pretty-printed, or one per
  // line), in batches as Ingest does. Problems name `source` and the line. An article without an
  // id is named "posted-" and 16 hex digits of its raw-input hash, so posting it again is a
  // duplicate.
  Result<IngestReport> IngestJsonLines(std::string_view bytes, const std::string& source = "request");

  // Ingests documents already read (the feed watcher's), in one or more batches as Ingest does.
  Result<IngestReport> IngestDocuments(std::vector<RawDocument> docs, const ProblemCallback& on_problem,
                                       const CommitCallback& on_commit = {});

  // Appends every input's articles to the work queue, in input order, without analysing them
  // (`ingest --enqueue`); problems as for Ingest. Returns how many were queued.
  Result<size_t> Enqueue(const std::vector<std::string>& inputs, const ProblemCallback& on_problem);

  // Works the queue until it is empty (or, with options.follow, until `stop` returns true): claims
  // a batch, prepares it on StoreOptions::threads threads, and commits it once every article
  // queued before it is committed, so that stories, events and reports come out exactly as one
  // Ingest of the queue's articles in queue order leaves them, whatever the number of workers.
  // Articles whose worker died or was cut off are claimed again when their lease passes; a worker
  // that lost a lease never commits those articles. Store failures are retried (a restarting
  // database) for options.retry_seconds. `on_commit` as for Ingest.
  Result<WorkerReport> Work(const WorkerOptions& options, const ProblemCallback& on_problem,
                            const CommitCallback& on_commit = {}, const std::function<bool()>& stop = {});

  // Articles in the work queue (claimed or not).
  Result<int64_t> QueueLength();

  // Called after each committed batch of any ingest in this process (the event stream wakes up on
  // it instead of waiting for its next look at the change log). Set it before ingesting.
  void SetCommitListener(std::function<void()> listener);

  // The feed watcher's state (watch/watcher.h): each feed's validators, and the hash of what a feed
  // last said of each item it took (by item id), so that an unchanged item is not fetched again.
  Result<FeedValidators> LoadFeedValidators(const std::string& url);
  Status SaveFeedValidators(const std::string& url, const FeedValidators& v);
  Result<std::string> WatchedItemHash(const std::string& item);  // "" when never taken
  Status SaveWatchedItems(const std::vector<std::pair<std::string, std::string>>& item_hashes);

  // GET /api/stories: {"stories":[{"id","headline","articles","outlets","first_published",
  // "last_published","event_types","entities"}],"page","per_page","total"}, newest first.
  Result<std::string> ListStoriesJson(const StoryQuery& query);
  // GET /api/stories/{id}: the contract's story report for that one story, with its "storyline".
  // A story merged into another is kNotFound with a message naming the one it went into.
  Result<std::string> StoryJson(const std::string& story_id);
  // GET /api/stories/{id}/why: {"story","storyline","link":{"storyline","joined","similarity",
  // "shared":[{"term","kind","share"}],"closest":{"storyline","similarity"}|null},
  // "articles":[{"id","title","outlet","published","why":{"story","opened","similarity","shared",
  // "closest":{"story","similarity"}|null,"duplicate_of","moved_from"?}}],"history":[...]}.
  Result<std::string> StoryWhyJson(const std::string& story_id);
  // GET /api/storylines: {"storylines":[{"id","headline","stories","articles","first_published",
  // "last_published","entities"}],"page","per_page","total"}, newest first.
  Result<std::string> ListStorylinesJson(const StorylineQuery& query);
  // GET /api/storylines/{id}: {"id","headline","articles","outlets","first_published",
  // "last_published","stories":[{"id","headline","articles","outlets","first_published",
  // "last_published","event_types","entities","link"}] (in time order),"history":[{"kind","from",
  // "to","article","similarity","shared","at_article"}]}.
  Result<std::string> StorylineJson(const std::string& storyline_id);
  // GET /api/articles/{id}: {"id","outlet","title","author","published","published_inferred","url",
  // "story","text","quotes":[...],"claims":[...]}; offsets count code points of "text". A claim is
  // the story report's ({"article","start","end","text","value","qualifier","cited"}) with the
  // "story", "event", "type" and "role" it states and "settled" (false: a conflicting value).
  Result<std::string> ArticleJson(const std::string& article_id);
  // GET /api/events: {"events":[{"story","id","type","status","roles","sources","outlets",
  // "independent_sources","origins","single_source"}],"page","per_page","total"}; "roles" as in the
  // story report, each value with its own sources and claims.
  Result<std::string> EventsJson(const EventQuery& query);
  // GET /api/search: {"results":[{"article","story","title","snippet"}],"page","per_page","total"}.
  // kInvalidInput for a query that is not words and phrases or is too long, kLimitExceeded when it
  // ran past StoreOptions::search_time_limit_ms; neither message holds SQL.
  Result<std::string> SearchJson(const SearchQuery& query);

  // The change log after `after`, oldest first, at most `max` records; and its latest sequence
  // number (0 when empty). What GET /api/stream and --notify follow.
  Result<std::vector<Change>> ChangesSince(int64_t after, size_t max);
  Result<int64_t> LatestChange();
  // GET /api/articles/{id}/versions: {"id","version","versions":[{"version","title","published",
  // "text","changes":[...]}]}, oldest first; "changes" lists what changed from the version before.
  Result<std::string> ArticleVersionsJson(const std::string& article_id);
  // GET /api/stories/{id}/corrections: {"story","corrections":[{"article","version","changes"}]}.
  Result<std::string> StoryCorrectionsJson(const std::string& story_id);

  // Counts, for summaries and tests.
  Result<int64_t> ArticleCount();
  Result<int64_t> StoryCount();

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace corroborate::store
