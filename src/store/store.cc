// The store (see store.h): opening and migrating, the pool of read connections, and ingest, which
// reads and analyses articles (clean, extract, cluster features) and hands them to the Writer batch
// by batch. Tested in store_test.cc and tests/store.
#include "store/store.h"

#include <simdjson.h>

#include <algorithm>
#include <mutex>
#include <set>

#include "clean/cleaner.h"
#include "cluster/features.h"
#include "core/json_writer.h"
#include "events/extract_events.h"
#include "extract/extract.h"
#include "ingest/jsonl_reader.h"
#include "store/queries.h"
#include "store/schema.h"
#include "store/writer.h"

namespace corroborate::store {

struct Store::Impl {
  std::string path;
  StoreOptions options;
  std::mutex write_mu;  // one batch at a time from this process
  std::unique_ptr<Writer> writer;
  std::mutex pool_mu;
  std::vector<Db> idle_readers;

  Result<Db> TakeReader() {
    {
      std::lock_guard lock(pool_mu);
      if (!idle_readers.empty()) {
        Db db = std::move(idle_readers.back());
        idle_readers.pop_back();
        return db;
      }
    }
    return Db::Open(path, /*read_only=*/true, options.busy_timeout_ms);
  }
  void GiveBack(Db db) {
    std::lock_guard lock(pool_mu);
    idle_readers.push_back(std::move(db));
  }
  // Runs `query(db)` on a pooled read connection.
  template <typename F>
  auto Read(F&& query) -> decltype(query(std::declval<Db&>())) {
    Result<Db> db = TakeReader();
    if (!db.ok()) return db.status();
    auto result = query(*db);
    GiveBack(db.take());
    return result;
  }

  Result<IngestReport> IngestWith(const std::function<void(const DocumentCallback&, const ProblemCallback&)>& read,
                                  const ProblemCallback& on_problem, const CommitCallback& on_commit,
                                  const ReadCallback& on_read);
  // Turns a raw document into a pending article; false (and a problem) when it cannot be stored.
  bool Prepare(RawDocument&& doc, PendingArticle& p, InputProblem& problem);
};

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions& options) {
  Result<Db> db = Db::Open(path, /*read_only=*/false, options.busy_timeout_ms);
  if (!db.ok()) return db.status();
  // WAL: readers never block the writer nor it them. synchronous=NORMAL in WAL mode loses no
  // committed transaction when the process dies (only, at worst, the last ones on power loss).
  Stmt wal = db->Prepare("PRAGMA journal_mode = WAL");
  if (wal.Step() != StepResult::kRow) return Status(wal.status().code(), path + ": " + wal.status().message());
  if (wal.Text(0) != "wal") return IoError(path + ": cannot switch to WAL mode");
  wal = Stmt();
  // A checkpointed WAL shrinks back to 8 MB instead of staying as large as the largest batch made it.
  if (Status s = db->Exec("PRAGMA synchronous = NORMAL; PRAGMA journal_size_limit = 8388608"); !s.ok()) return s;
  if (Status s = Migrate(*db); !s.ok()) return Status(s.code(), path + ": " + s.message());
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->options = options;
  impl->writer = std::make_unique<Writer>(db.take());
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

bool Store::Impl::Prepare(RawDocument&& doc, PendingArticle& p, InputProblem& problem) {
  p.id = doc.id;
  p.source = doc.source;
  p.line = doc.line;
  p.raw_hash = RawHash(doc);
  problem = {doc.source, doc.line, ""};
  Result<std::string> stored = Read([&](Db& db) -> Result<std::string> {
    Stmt s = db.Prepare("SELECT raw_hash FROM articles WHERE id = ?1");
    s.Bind(1, p.id);
    StepResult r = s.Step();
    if (r == StepResult::kError) return s.status();
    return r == StepResult::kRow ? std::string(s.Text(0)) : std::string();
  });
  if (stored.ok() && !stored->empty()) {
    if (*stored == p.raw_hash) {
      p.known = true;  // a duplicate: not cleaned again; the batch confirms it under the write lock
      return true;
    }
    problem.reason = ReusedIdReason(p.id);
    return false;
  }
  Result<Article> article = CleanDocument(std::move(doc), CleanOptions{});
  if (!article.ok()) {
    problem.reason = article.status().message();
    return false;
  }
  p.analysed.article = article.take();
  p.analysed.mentions = ExtractMentions(p.analysed.article);
  p.analysed.events = ExtractEvents(p.analysed.article, p.analysed.mentions);
  p.features = cluster::ExtractFeatures(p.analysed.article, p.analysed.mentions);
  return true;
}

Result<IngestReport> Store::Impl::IngestWith(
    const std::function<void(const DocumentCallback&, const ProblemCallback&)>& read,
    const ProblemCallback& on_problem, const CommitCallback& on_commit, const ReadCallback& on_read) {
  IngestReport report;
  std::set<uint32_t> stories;
  CommitProgress progress;
  std::vector<PendingArticle> batch;
  Status failure;
  auto problem = [&](const InputProblem& p) {
    report.rejected.push_back(p);
    if (on_problem) on_problem(p);
  };
  auto flush = [&]() -> Status {
    if (batch.empty()) return Status::Ok();
    BatchOutcome out;
    Result<int64_t> story_count = int64_t{0};
    {
      std::lock_guard lock(write_mu);
      if (Status s = writer->CommitBatch(batch, out); !s.ok()) return s;
      story_count = writer->StoryCount();
    }
    batch.clear();
    report.accepted += out.accepted;
    report.duplicates += out.duplicates;
    for (const InputProblem& p : out.rejected) problem(p);
    stories.insert(out.stories.begin(), out.stories.end());
    progress.acknowledged = std::move(out.acknowledged);
    progress.accepted = report.accepted;
    progress.duplicates = report.duplicates;
    progress.stories = story_count.ok() ? static_cast<size_t>(*story_count) : 0;
    if (on_commit) on_commit(progress);
    return Status::Ok();
  };
  read(
      [&](RawDocument&& doc) {
        if (!failure.ok()) return;  // the store failed: nothing more can be stored
        if (on_read) on_read(doc.body.size());
        PendingArticle p;
        InputProblem bad;
        if (!Prepare(std::move(doc), p, bad)) {
          problem(bad);
          return;
        }
        batch.push_back(std::move(p));
        if (batch.size() >= options.batch_articles) failure = flush();
      },
      problem);
  if (failure.ok()) failure = flush();
  if (!failure.ok()) return failure;
  for (uint32_t s : stories) report.stories.push_back(cluster::StoryName(s));
  std::sort(report.stories.begin(), report.stories.end());
  return report;
}

Result<IngestReport> Store::Ingest(const std::vector<std::string>& inputs, const ProblemCallback& on_problem,
                                   const CommitCallback& on_commit, const ReadCallback& on_read) {
  InputReader reader(impl_->options.read);
  return impl_->IngestWith(
      [&](const DocumentCallback& on_doc, const ProblemCallback& on_bad) { reader.Read(inputs, on_doc, on_bad); },
      on_problem, on_commit, on_read);
}

namespace {

// A body that is one JSON object spread over several lines (pretty-printed) is made one line;
// anything else is left for the JSON Lines reader to judge line by line.
std::string OneObjectPerLine(std::string_view bytes) {
  size_t b = bytes.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos || bytes[b] != '{') return std::string(bytes);
  size_t e = bytes.find_last_not_of(" \t\r\n");
  if (bytes.substr(b, e - b + 1).find('\n') == std::string_view::npos) return std::string(bytes);
  simdjson::dom::parser parser;
  simdjson::dom::object object;
  if (parser.parse(bytes.data(), bytes.size()).get(object)) return std::string(bytes);
  return simdjson::minify(object) + "\n";
}

}  // namespace

Result<IngestReport> Store::IngestJsonLines(std::string_view bytes, const std::string& source) {
  BufferedReader in(std::make_unique<MemorySource>(OneObjectPerLine(bytes)));
  return impl_->IngestWith(
      [&](const DocumentCallback& on_doc, const ProblemCallback& on_bad) {
        ReadJsonLines(in, source, impl_->options.read, [&](RawDocument&& doc) {
          // Without an id the reader names the line (SOURCE#LINE), which another request reuses:
          // name the article by its content instead, so posting it twice is a duplicate.
          if (doc.id == source + "#" + std::to_string(doc.line)) doc.id = "posted-" + RawHash(doc).substr(0, 16);
          on_doc(std::move(doc));
        }, on_bad);
      },
      {}, {}, {});
}

std::string IngestReportJson(const IngestReport& r) {
  JsonWriter w;
  w.BeginObject();
  w.Key("accepted"); w.Int(static_cast<int64_t>(r.accepted));
  w.Key("duplicates"); w.Int(static_cast<int64_t>(r.duplicates));
  w.Key("rejected");
  w.BeginArray();
  for (const InputProblem& p : r.rejected) {
    w.BeginObject();
    w.Key("line"); w.Int(static_cast<int64_t>(p.line));
    w.Key("error"); w.String(p.reason);
    w.EndObject();
  }
  w.EndArray();
  w.Key("stories");
  w.BeginArray();
  for (const std::string& s : r.stories) w.String(s);
  w.EndArray();
  w.EndObject();
  return w.str();
}

Result<std::string> Store::ListStoriesJson(const StoryQuery& q) {
  return impl_->Read([&](Db& db) { return QueryStories(db, q); });
}
Result<std::string> Store::StoryJson(const std::string& id) {
  return impl_->Read([&](Db& db) { return QueryStory(db, id); });
}
Result<std::string> Store::ArticleJson(const std::string& id) {
  return impl_->Read([&](Db& db) { return QueryArticle(db, id); });
}
Result<std::string> Store::EventsJson(const EventQuery& q) {
  return impl_->Read([&](Db& db) { return QueryEvents(db, q); });
}
Result<std::string> Store::SearchJson(const SearchQuery& q) {
  return impl_->Read([&](Db& db) { return QuerySearch(db, q); });
}

namespace {
Result<int64_t> CountRows(Db& db, const char* sql) {
  Stmt s = db.Prepare(sql);
  if (s.Step() != StepResult::kRow) return s.status();
  return s.Int(0);
}
}  // namespace

Result<int64_t> Store::ArticleCount() {
  return impl_->Read([](Db& db) { return CountRows(db, "SELECT count(*) FROM articles"); });
}
Result<int64_t> Store::StoryCount() {
  return impl_->Read([](Db& db) { return CountRows(db, "SELECT count(*) FROM stories"); });
}

}  // namespace corroborate::store
