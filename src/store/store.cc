// The store (see store.h): opening and migrating, the pool of read connections, and ingest, which
// reads articles, analyses them (clean, extract, events, cluster features) on every thread it is
// given, and hands them to the Writer batch by batch, in input order, through the runner of
// pipeline/ordered_run.h. Tested in store_test.cc, tests/store and tests/threads.
#include "store/store.h"

#include <simdjson.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <set>

#include "clean/cleaner.h"
#include "cluster/features.h"
#include "core/json_writer.h"
#include "events/extract_events.h"
#include "extract/extract.h"
#include "ingest/jsonl_reader.h"
#include "pipeline/ordered_run.h"
#include "store/analysis_codec.h"
#include "store/live_queries.h"
#include "store/pg_db.h"
#include "store/queries.h"
#include "store/schema.h"
#include "store/store_impl.h"
#include "store/storyline_queries.h"

namespace corroborate::store {

std::string StoreLocationName(const std::string& location) {
  return Db::IsPostgresUrl(location) ? RedactedUrl(location) : location;
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions& options) {
  Result<Db> db = Db::Open(path, /*read_only=*/false, options.busy_timeout_ms);
  if (!db.ok()) return db.status();
  if (Status s = Migrate(*db); !s.ok()) return Status(s.code(), StoreLocationName(path) + ": " + s.message());
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->options = options;
  impl->words = SearchWordsAhead::Open(path);  // none on SQLite
  impl->writer = std::make_unique<Writer>(db.take(), options.threads, options.versions);
  impl->writer->UseSearchWords(impl->words.get());
  return std::unique_ptr<Store>(new Store(std::move(impl)));
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

Store::Impl::Stored Store::Impl::LookUp(Prepared& x, bool use_ahead) {
  PendingArticle& p = x.article;
  std::optional<Answer> answer;
  if (use_ahead) {
    std::lock_guard lock(ahead_mu);
    if (auto it = ahead.find(p.id); it != ahead.end()) {
      answer = std::move(it->second);
      ahead.erase(it);
      x.commits_seen = answer->commits;
    }
  }
  // "" when not stored; "=" when this raw input gives a stored version; else another hash.
  Result<std::string> stored = std::string();
  if (!answer || (answer->row && answer->row->raw_hash != p.raw_hash)) {
    stored = Read([&](Db& db) -> Result<std::string> {
      std::optional<StoredId> row;
      if (answer) {
        row = answer->row;
      } else {
        Stmt s = db.Prepare("SELECT rowid, raw_hash FROM articles WHERE id = ?1");
        s.Bind(1, p.id);
        const StepResult r = s.Step();
        if (r == StepResult::kError) return s.status();
        if (r == StepResult::kDone) return std::string();
        row = StoredId{s.Int(0), std::string(s.Text(1))};
      }
      if (row->raw_hash == p.raw_hash) return std::string("=");
      Stmt known = db.Prepare("SELECT 1 FROM article_hashes WHERE article = ?1 AND raw_hash = ?2");
      known.Bind(1, row->rowid);
      known.Bind(2, p.raw_hash);
      const StepResult r = known.Step();
      if (r == StepResult::kError) return known.status();
      return r == StepResult::kRow ? std::string("=") : row->raw_hash;
    });
  } else if (answer->row) {
    stored = std::string("=");
  }
  // A failed look-up counts as "not stored": the batch looks again under the write lock.
  if (!stored.ok() || stored->empty()) return Stored::kNo;
  if (*stored == "=") {
    p.known = true;
    return Stored::kSame;
  }
  // Another content under this id: a new version to clean and compare, or a reused id.
  if (!options.versions) x.problem = InputProblem{p.source, p.line, ReusedIdReason(p.id)};
  return Stored::kDifferent;
}

void Store::Impl::LookUpAhead(const std::vector<std::string>& ids) {
  if (ids.empty()) return;
  // Read before the look-up, so that every batch it counts is visible to the look-up.
  const uint64_t seen = commits.load(std::memory_order_acquire);
  Result<StoredIds> found = Read([&](Db& db) { return LookUpIds(db, ids); });
  if (!found.ok()) return;
  std::lock_guard lock(ahead_mu);
  for (const std::string& id : ids) {
    auto it = found->find(id);
    ahead[id] = Answer{it == found->end() ? std::nullopt : std::optional<StoredId>(it->second), seen};
  }
}

ReadFunction Store::Impl::ReadLookingUpAhead(const ReadFunction& read) {
  return [this, read](const DocumentCallback& on_doc, const ProblemCallback& on_problem) {
    // A group holds up to this many documents (or bytes of them): the memory it adds is small
    // beside the articles in flight.
    constexpr size_t kGroupDocuments = 64, kGroupBytes = 8u << 20;
    std::vector<ReadItem> group;  // documents and problems, in order
    std::vector<std::string> ids;
    size_t bytes = 0;
    auto pass_on = [&] {
      LookUpAhead(ids);
      for (ReadItem& item : group) {
        if (item.problem) on_problem(*item.problem);
        else on_doc(std::move(item.document));
      }
      group.clear();
      ids.clear();
      bytes = 0;
    };
    read(
        [&](RawDocument&& doc) {
          ids.push_back(doc.id);
          bytes += doc.body.size();
          group.push_back(ReadItem{std::move(doc), std::nullopt});
          if (ids.size() >= kGroupDocuments || bytes >= kGroupBytes) pass_on();
        },
        [&](const InputProblem& p) { group.push_back(ReadItem{RawDocument{}, p}); });
    pass_on();
  };
}

Store::Impl::Prepared Store::Impl::Prepare(RawDocument&& doc) {
  Prepared out;
  PendingArticle& p = out.article;
  p.id = doc.id;
  p.source = doc.source;
  p.line = doc.line;
  p.raw_hash = RawHash(doc);
  out.body_bytes = doc.body.size();
  // Read before the look-up, so that every batch it counts is visible to the look-up.
  out.commits_seen = commits.load(std::memory_order_acquire);
  // A duplicate is not cleaned again; a reused id is not stored (unless versions are kept).
  if (LookUp(out, /*ahead=*/true) == Stored::kSame || out.problem) return out;
  Result<Article> article = CleanDocument(std::move(doc), CleanOptions{});
  if (!article.ok()) {
    out.problem = InputProblem{p.source, p.line, article.status().message()};
    return out;
  }
  p.analysed.article = article.take();
  // Computed by the database while this article is extracted and waits for its batch.
  if (words) p.search_words = words->Request(p.analysed.article.title, p.analysed.article.text);
  p.analysed.mentions = ExtractMentions(p.analysed.article);
  p.analysed.events = ExtractEvents(p.analysed.article, p.analysed.mentions);
  // Stored with it, so that a story rebuild (by any process) need not extract it again.
  if (!BuildId().empty()) p.analysis = EncodeAnalysis(p.analysed);
  // With every term's words, found in the same pass, so that the commit does not look for them.
  p.features = cluster::ExtractFeatures(p.analysed.article, p.analysed.mentions, p.labels);
  return out;
}

Result<IngestReport> Store::Impl::IngestWith(const ReadFunction& read, const ProblemCallback& on_problem,
                                             const CommitCallback& on_commit, const ReadCallback& on_read) {
  IngestReport report;
  std::set<uint32_t> stories;
  CommitProgress progress;
  std::vector<PendingArticle> batch;
  Status failure;
  std::atomic<bool> failed{false};  // `failure` as the parallel step sees it
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
      commits.fetch_add(1, std::memory_order_release);
      story_count = writer->StoryCount();
    }
    batch.clear();
    if (commit_listener) commit_listener();
    report.accepted += out.accepted;
    report.duplicates += out.duplicates;
    report.versions += out.versions;
    for (const InputProblem& p : out.rejected) problem(p);
    stories.insert(out.stories.begin(), out.stories.end());
    for (uint32_t gone : out.gone) stories.erase(gone);  // merged into a story that is listed
    progress.acknowledged = std::move(out.acknowledged);
    progress.accepted = report.accepted;
    progress.duplicates = report.duplicates;
    progress.stories = story_count.ok() ? static_cast<size_t>(*story_count) : 0;
    return on_commit ? on_commit(progress) : Status::Ok();
  };
  PipelineOptions run;
  run.threads = options.threads;
  // Up to a batch in flight: while the in-order step commits one batch (a long serial step), the
  // other threads prepare the next instead of stopping after a few articles. Memory: two batches.
  run.in_flight = std::max(InFlight(run), options.batch_articles);
  {
    std::lock_guard lock(ahead_mu);
    ++ahead_users;
  }
  RunInOrder<std::optional<Prepared>>(
      ReadLookingUpAhead(read), run,
      [&](RawDocument&& doc) -> std::optional<Prepared> {  // any thread
        if (failed.load()) return std::nullopt;  // the store failed: nothing more can be stored
        return Prepare(std::move(doc));
      },
      [&](std::optional<Prepared>&& x) {  // input order
        if (!failure.ok() || !x) return;
        if (on_read) on_read(x->body_bytes);
        PendingArticle& p = x->article;
        if (!x->problem && !p.known && x->commits_seen != commits.load(std::memory_order_acquire)) {
          // A batch committed since Prepare looked (it may hold an earlier copy of this id): decide
          // as a run on one thread would have, looking only now, so any thread count stores the same.
          if (LookUp(*x) == Stored::kSame) {  // a duplicate after all: its analysis is not needed
            p.analysed = {};
            p.features = {};
            p.labels = {};
            p.analysis = {};
          }
        }
        if (x->problem) return problem(*x->problem);
        batch.push_back(std::move(p));
        if (batch.size() >= options.batch_articles) {
          failure = flush();
          failed.store(!failure.ok());
        }
      },
      problem);
  {
    // Answers nobody took (the store failed, or an id came twice in a group) go with the last user.
    std::lock_guard lock(ahead_mu);
    if (--ahead_users == 0) ahead.clear();
  }
  if (failure.ok()) failure = flush();
  if (!failure.ok()) return failure;
  for (uint32_t s : stories) report.stories.push_back(cluster::StoryName(s));
  std::sort(report.stories.begin(), report.stories.end());
  return report;
}

Result<IngestReport> Store::Ingest(const std::vector<std::string>& inputs, const ProblemCallback& on_problem,
                                   const CommitCallback& on_commit, const ReadCallback& on_read) {
  return impl_->IngestWith(ReadInputs(inputs, impl_->options.read), on_problem, on_commit, on_read);
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

Result<IngestReport> Store::IngestDocuments(std::vector<RawDocument> docs, const ProblemCallback& on_problem,
                                            const CommitCallback& on_commit) {
  return impl_->IngestWith(
      [&](const DocumentCallback& on_doc, const ProblemCallback&) {
        for (RawDocument& d : docs) on_doc(std::move(d));
      },
      on_problem, on_commit, {});
}

void Store::SetCommitListener(std::function<void()> listener) { impl_->commit_listener = std::move(listener); }

Result<FeedValidators> Store::LoadFeedValidators(const std::string& url) {
  return impl_->Read([&](Db& db) -> Result<FeedValidators> {
    Stmt s = db.Prepare("SELECT etag, last_modified FROM watch_feeds WHERE url = ?1");
    s.Bind(1, url);
    const StepResult r = s.Step();
    if (r == StepResult::kError) return s.status();
    if (r == StepResult::kDone) return FeedValidators{};
    return FeedValidators{std::string(s.Text(0)), std::string(s.Text(1))};
  });
}

Status Store::SaveFeedValidators(const std::string& url, const FeedValidators& v) {
  return impl_->Write([&](Db& db) {
    Stmt s = db.Prepare("INSERT INTO watch_feeds (url, etag, last_modified) VALUES (?1, ?2, ?3) "
                        "ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified");
    s.Bind(1, url);
    s.Bind(2, v.etag);
    s.Bind(3, v.last_modified);
    return s.Run();
  });
}

Result<std::string> Store::WatchedItemHash(const std::string& item) {
  return impl_->Read([&](Db& db) -> Result<std::string> {
    Stmt s = db.Prepare("SELECT hash FROM watch_items WHERE item = ?1");
    s.Bind(1, item);
    const StepResult r = s.Step();
    if (r == StepResult::kError) return s.status();
    return r == StepResult::kRow ? std::string(s.Text(0)) : std::string();
  });
}

Status Store::SaveWatchedItems(const std::vector<std::pair<std::string, std::string>>& item_hashes) {
  if (item_hashes.empty()) return Status::Ok();
  return impl_->Write([&](Db& db) {
    Stmt s = db.Prepare("INSERT INTO watch_items (item, hash) VALUES (?1, ?2) ON CONFLICT (item) DO UPDATE SET hash = excluded.hash");
    for (const auto& [item, hash] : item_hashes) {
      s.Bind(1, item);
      s.Bind(2, hash);
      if (Status st = s.Run(); !st.ok()) return st;
    }
    return Status::Ok();
  });
}

std::string IngestReportJson(const IngestReport& r) {
  JsonWriter w;
  w.BeginObject();
  w.Key("accepted"); w.Int(static_cast<int64_t>(r.accepted));
  w.Key("duplicates"); w.Int(static_cast<int64_t>(r.duplicates));
  w.Key("versions"); w.Int(static_cast<int64_t>(r.versions));
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
Result<std::string> Store::StoryWhyJson(const std::string& id) {
  return impl_->Read([&](Db& db) { return QueryStoryWhy(db, id); });
}
Result<std::string> Store::ListStorylinesJson(const StorylineQuery& q) {
  return impl_->Read([&](Db& db) { return QueryStorylines(db, q); });
}
Result<std::string> Store::StorylineJson(const std::string& id) {
  return impl_->Read([&](Db& db) { return QueryStoryline(db, id); });
}
Result<std::string> Store::ArticleJson(const std::string& id) {
  return impl_->Read([&](Db& db) { return QueryArticle(db, id); });
}
Result<std::string> Store::EventsJson(const EventQuery& q) {
  return impl_->Read([&](Db& db) { return QueryEvents(db, q); });
}
Result<std::string> Store::SearchJson(const SearchQuery& q) {
  const std::chrono::milliseconds limit(impl_->options.search_time_limit_ms);
  return impl_->Read([&](Db& db) { return QuerySearch(db, q, limit); });
}

Result<std::vector<Change>> Store::ChangesSince(int64_t after, size_t max) {
  return impl_->Read([&](Db& db) { return QueryChangesSince(db, after, max); });
}
Result<int64_t> Store::LatestChange() {
  return impl_->Read([&](Db& db) { return QueryLatestChange(db); });
}
Result<std::string> Store::ArticleVersionsJson(const std::string& id) {
  return impl_->Read([&](Db& db) { return QueryArticleVersions(db, id); });
}
Result<std::string> Store::StoryCorrectionsJson(const std::string& id) {
  return impl_->Read([&](Db& db) { return QueryStoryCorrections(db, id); });
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
