// The write side (see writer.h). Tested in store_test.cc and tests/store/crash_test.py.
#include "store/writer.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <unordered_set>

#include <tbb/parallel_for.h>

#include "cluster/hash.h"
#include "events/extract_events.h"
#include "extract/extract.h"
#include "store/article_diff.h"
#include "store/features_codec.h"
#include "store/cluster_changes.h"
#include "store/cluster_state.h"
#include "store/dialect.h"
#include "store/id_lookup.h"
#include "store/story_builder.h"

namespace corroborate::store {
namespace {

void AppendField(std::string& out, std::string_view field) {
  const uint64_t n = field.size();
  out.append(reinterpret_cast<const char*>(&n), sizeof n);  // length-prefixed: fields cannot run together
  out.append(field);
}

}  // namespace

std::string RawHash(const RawDocument& doc) {
  std::string all;
  all.reserve(doc.body.size() + 256);
  AppendField(all, doc.kind == ContentKind::kHtml ? "html" : "text");
  for (const std::string* f : {&doc.url, &doc.outlet, &doc.published, &doc.title, &doc.author, &doc.body}) {
    AppendField(all, *f);
  }
  // 128 bits from two differently seeded 64-bit hashes: accidental collisions are out of reach.
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016llx%016llx",
                static_cast<unsigned long long>(cluster::HashBytes(all, 0x51ed270b27e0b1a3ULL)),
                static_cast<unsigned long long>(cluster::HashBytes(all, 0x2545f4914f6cdd1dULL)));
  return hex;
}

std::string ReusedIdReason(const std::string& id) {
  return "id \"" + id + "\" is already stored with different content; the stored version is kept";
}

Result<int64_t> Writer::StoryCount() {
  Stmt s = db_.Prepare("SELECT count(*) FROM stories");
  if (s.Step() != StepResult::kRow) return s.status();
  return s.Int(0);
}

namespace {

constexpr size_t kStateEveryArticles = 20000;
constexpr size_t kStateCheckArticles = 64;  // the last articles compared with the store after loading

}  // namespace

Writer::~Writer() { (void)SaveStateAtClose(); }

Result<bool> Writer::AgreesWithStore() {
  Stmt s = db_.Prepare("SELECT id, story FROM articles ORDER BY rowid DESC LIMIT ?1");
  s.Bind(1, static_cast<int64_t>(kStateCheckArticles));
  size_t n = clusterer_->ArticleCount(), rows = 0;
  StepResult r;
  while ((r = s.Step()) == StepResult::kRow) {
    ++rows;
    if (n == 0) return false;
    --n;
    if (clusterer_->ArticleId(uint32_t(n)) != s.Text(0) || clusterer_->StoryOfArticle(uint32_t(n)) != s.Int(1)) {
      return false;
    }
  }
  if (r == StepResult::kError) return s.status();
  return rows == kStateCheckArticles || n == 0;
}

Status Writer::SaveStateIfDue() {
  const size_t all = clusterer_->ArticleCount();
  const size_t added = all - std::min(all, state_articles_);
  if (added < kStateEveryArticles || added < all / 8) return Status::Ok();
  if (Status s = SaveClusterState(db_, *clusterer_, replayed_rowid_); !s.ok()) return s;
  state_articles_ = all;
  return Status::Ok();
}

Status Writer::SaveStateAtClose() {
  if (!clusterer_ || replayed_rowid_ == 0) return Status::Ok();
  const size_t all = clusterer_->ArticleCount();
  const size_t added = all - std::min(all, state_articles_);
  if (added == 0 || added < all / 256) return Status::Ok();
  // Another process holding the write lock is not waited for long: this is only a head start.
  db_.SetBusyTimeout(1000);
  return InWriteTransaction(db_, [&]() -> Status {
    Result<int64_t> stored = StoredClusterStateRowid(db_);
    if (!stored.ok()) return stored.status();
    if (*stored >= replayed_rowid_) return Status::Ok();  // as new or newer: keep it
    return SaveClusterState(db_, *clusterer_, replayed_rowid_);
  });
}

Status Writer::CatchUp(BatchOutcome& out) {
  bool loaded = false;
  if (!clusterer_) {
    Result<std::optional<LoadedClusterer>> state = LoadClusterState(db_, cluster::ClusterOptions{});
    if (!state.ok()) return state.status();
    if (*state) {
      clusterer_ = std::move((*state)->clusterer);
      replayed_rowid_ = (*state)->last_rowid;
      state_articles_ = clusterer_->ArticleCount();
      loaded = true;
    } else {
      clusterer_ = cluster::NewInMemoryClusterer(cluster::ClusterOptions{});
      replayed_rowid_ = 0;
      state_articles_ = 0;
    }
  }
  const bool from_start = replayed_rowid_ == 0;
  std::vector<std::pair<int64_t, uint32_t>> stored;  // (rowid, story) of each replayed article
  if (Status st = Replay(from_start ? &stored : nullptr); !st.ok()) return st;
  if (loaded) {
    // A state that does not end with the store's articles in their stored stories is not this
    // store's (a file copied over, rows edited by hand): drop it and replay everything.
    Result<bool> agrees = AgreesWithStore();
    if (!agrees.ok()) return agrees.status();
    if (!*agrees) {
      if (Status st = db_.Exec("DELETE FROM cluster_state; DELETE FROM cluster_state_info"); !st.ok()) return st;
      clusterer_.reset();
      return CatchUp(out);
    }
  }
  return from_start ? Realign(stored, out) : Status::Ok();
}

Status Writer::Replay(std::vector<std::pair<int64_t, uint32_t>>* stored) {
  Stmt s = db_.Prepare("SELECT rowid, features, story FROM articles WHERE rowid > ?1 ORDER BY rowid");
  s.Bind(1, replayed_rowid_);
  StepResult r;
  while ((r = s.Step()) == StepResult::kRow) {
    Result<cluster::ArticleFeatures> f = DecodeFeatures(s.Blob(1));
    if (!f.ok()) return f.status();
    // Its assignment, merges and moves are the ones stored: replay is deterministic (and, from
    // the start, checked by Realign).
    (void)clusterer_->Add(*f);
    replayed_rowid_ = s.Int(0);
    if (stored) stored->push_back({replayed_rowid_, uint32_t(s.Int(2))});
  }
  return r == StepResult::kError ? s.status() : Status::Ok();
}

Status Writer::CatchUpWithoutLock() {
  if (!clusterer_ || replayed_rowid_ == 0) return Status::Ok();
  if (Status s = db_.BeginRead(); !s.ok()) return s;
  Status s = Replay(nullptr);
  // A failure leaves the clusterer as it was after the last article replayed, which it notes.
  Status end = db_.Commit();
  if (!end.ok()) (void)db_.Rollback();
  return s.ok() ? end : s;
}

Status Writer::Realign(const std::vector<std::pair<int64_t, uint32_t>>& stored, BatchOutcome& out) {
  Stmt move = db_.Prepare("UPDATE articles SET story = ?1 WHERE rowid = ?2");
  for (uint32_t n = 0; n < stored.size(); ++n) {
    const uint32_t now = clusterer_->StoryOfArticle(n);
    if (now == stored[n].second) continue;
    move.Bind(1, static_cast<int64_t>(now));
    move.Bind(2, stored[n].first);
    if (Status st = move.Run(); !st.ok()) return st;
    out.stories.insert(now);
    out.stories.insert(stored[n].second);
  }
  // Stories whose articles all went elsewhere are gone; those left get their storyline.
  std::vector<std::pair<uint32_t, int64_t>> lines;
  Stmt sel = db_.Prepare("SELECT id, storyline FROM stories");
  StepResult r;
  while ((r = sel.Step()) == StepResult::kRow) lines.push_back({uint32_t(sel.Int(0)), sel.Int(1)});
  if (r == StepResult::kError) return sel.status();
  sel = Stmt();
  Stmt rename = db_.Prepare("UPDATE stories SET storyline = ?1 WHERE id = ?2");
  for (const auto& [story, line] : lines) {
    std::optional<cluster::StoryInfo> info = clusterer_->GetStory(story);
    if (!info || info->merged_into != 0) {
      if (Status st = DeleteStory(db_, story); !st.ok()) return st;
      out.stories.erase(story);
      out.gone.insert(story);
      continue;
    }
    if (info->storyline == line) continue;
    rename.Bind(1, static_cast<int64_t>(info->storyline));
    rename.Bind(2, static_cast<int64_t>(story));
    if (Status st = rename.Run(); !st.ok()) return st;
  }
  for (uint32_t story : out.gone) out.stories.erase(story);
  return Status::Ok();
}

Status Writer::StoreBatch(std::vector<PendingArticle>& batch, BatchOutcome& out) {
  bool caught_up = false;  // a batch of duplicates only (a re-run) needs no clusterer
  Stmt find = db_.Prepare("SELECT rowid, raw_hash FROM articles WHERE id = ?1");
  // Where the engine has them (PostgreSQL), rowids are taken from the articles' sequence many at
  // a time, so that the insert need not answer: it is queued with the other writes instead of
  // waiting for the server. Else the insert gives its rowid back.
  const std::string_view reserve_sql = ReserveArticleRowids(db_.engine());
  // Where the engine keeps the search words in the row, they may come computed ahead (?15).
  const std::string_view search_column = ArticleSearchColumn(db_.engine());
  std::string columns = "id, raw_hash, outlet, title, author, author_role, url, published, published_inferred, text, "
                        "story, duplicate_of, features, why";
  std::string values = "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, '', ?9, ?10, ?11, ?12, ?13";
  if (!reserve_sql.empty()) columns += ", rowid", values += ", ?14";
  if (!search_column.empty()) columns += ", " + std::string(search_column), values += ", ?15";
  Stmt insert = db_.Prepare("INSERT INTO articles (" + columns + ") VALUES (" + values + ")" +
                            (reserve_sql.empty() ? " RETURNING rowid" : ""));
  const std::string_view index_sql = SearchIndexAdd(db_.engine());
  Stmt index = index_sql.empty() ? Stmt() : db_.Prepare(index_sql);
  for (const Stmt* s : {&find, &insert, &index}) {
    if (!s->status().ok()) return s->status();
  }

  // The batch's ids as stored before it, looked up together. An id this batch itself writes (the
  // same article twice in a batch) is looked up again, alone, after that.
  std::vector<std::string> ids;
  ids.reserve(batch.size());
  for (const PendingArticle& p : batch) ids.push_back(p.id);
  Result<StoredIds> before = LookUpIds(db_, ids);
  if (!before.ok()) return before.status();
  std::unordered_set<std::string> written;
  auto find_row = [&](const std::string& id) -> Result<std::optional<StoredId>> {
    if (!written.count(id)) {
      auto it = before->find(id);
      return it == before->end() ? std::optional<StoredId>() : std::optional<StoredId>(it->second);
    }
    find.Bind(1, id);
    const StepResult r = find.Step();
    if (r == StepResult::kError) return find.status();
    std::optional<StoredId> row;
    if (r == StepResult::kRow) row = StoredId{find.Int(0), std::string(find.Text(1))};
    find.Reset();
    return row;
  };
  std::vector<int64_t> rowids;  // reserved and not used yet, the next last
  auto next_rowid = [&](size_t at) -> Result<int64_t> {
    if (rowids.empty()) {
      // As many as the articles left in the batch that were not stored: at most that many are new.
      int64_t n = 0;
      for (size_t i = at; i < batch.size(); ++i) n += before->count(batch[i].id) ? 0 : 1;
      Stmt take = db_.Prepare(reserve_sql);
      take.Bind(1, std::max<int64_t>(n, 1));
      StepResult r;
      while ((r = take.Step()) == StepResult::kRow) rowids.push_back(take.Int(0));
      if (r == StepResult::kError) return take.status();
      if (rowids.empty()) return IoError("store: no rowids from the articles' sequence");
      std::sort(rowids.rbegin(), rowids.rend());  // ascending from the back: in insertion order
    }
    const int64_t rowid = rowids.back();
    rowids.pop_back();
    return rowid;
  };

  std::map<int64_t, const AnalyzedArticle*> known;
  for (const auto& [rowid, a] : recent_) known[rowid] = &a;
  std::set<int64_t> fresh;
  for (size_t at = 0; at < batch.size(); ++at) {
    PendingArticle& p = batch[at];
    Result<std::optional<StoredId>> row = find_row(p.id);
    if (!row.ok()) return row.status();
    if (*row) {
      const int64_t rowid = (*row)->rowid;
      bool same = (*row)->raw_hash == p.raw_hash;
      if (!same) {
        Result<bool> known_hash = KnownHash(rowid, p.raw_hash);
        if (!known_hash.ok()) return known_hash.status();
        same = *known_hash;
      }
      if (same) {
        ++out.duplicates;
        out.acknowledged.push_back(p.id);
      } else if (!versions_) {
        out.rejected.push_back({p.source, p.line, ReusedIdReason(p.id)});
      } else if (p.known) {  // read as a known version that is now unknown: deleted by hand
        out.rejected.push_back({p.source, p.line, "id \"" + p.id + "\" changed in the store while reading"});
      } else {
        if (!caught_up) {  // the story rebuild asks the clusterer for headlines
          if (Status s = CatchUp(out); !s.ok()) return s;
          caught_up = true;
        }
        if (Status s = StoreVersion(p, rowid, known, fresh, out); !s.ok()) return s;
        written.insert(p.id);
      }
      continue;
    }
    if (p.known) {  // stored when read, gone now: only possible if someone deleted it by hand
      out.rejected.push_back({p.source, p.line, "id \"" + p.id + "\" vanished from the store while reading"});
      continue;
    }

    if (!caught_up) {
      if (Status s = CatchUp(out); !s.ok()) return s;
      caught_up = true;
    }
    const cluster::Assignment as = clusterer_->Add(p.features);
    AnalyzedArticle& a = p.analysed;
    a.story = cluster::StoryName(as.story);
    a.duplicate_of = as.duplicate_of;
    const Article& art = a.article;
    insert.Bind(13, p.labels.empty() ? WhyJson(as, a) : WhyJson(as, a, p.labels));
    insert.Bind(1, p.id);
    insert.Bind(2, p.raw_hash);
    insert.Bind(3, art.outlet);
    insert.Bind(4, art.title);
    insert.Bind(5, art.author);
    insert.Bind(6, art.author_role);
    insert.Bind(7, art.url);
    insert.Bind(8, art.published);
    insert.Bind(9, art.text);
    insert.Bind(10, static_cast<int64_t>(as.story));
    insert.Bind(11, as.duplicate_of);
    insert.BindBlob(12, EncodeFeatures(p.features));
    int64_t rowid = 0;
    if (!reserve_sql.empty()) {
      Result<int64_t> reserved = next_rowid(at);
      if (!reserved.ok()) return reserved.status();
      rowid = *reserved;
      insert.Bind(14, rowid);
      std::optional<EngineValue> words;
      if (words_ && p.search_words) words = words_->Take(p.search_words);
      if (words) insert.BindValue(15, *words);  // else NULL: the trigger computes them
      if (Status s = insert.Run(); !s.ok()) return s;
    } else {
      if (insert.Step() != StepResult::kRow) return insert.status().ok() ? IoError("store: no rowid") : insert.status();
      rowid = insert.Int(0);
      insert.Reset();
    }
    written.insert(p.id);
    replayed_rowid_ = rowid;
    if (!index_sql.empty()) {
      index.Bind(1, rowid);
      index.Bind(2, art.title);
      index.Bind(3, art.text);
      if (Status s = index.Run(); !s.ok()) return s;
    }

    if (!p.analysis.empty()) {
      if (Status s = StoreAnalysis(db_, rowid, p.analysis); !s.ok()) return s;
    }

    p.rowid = rowid;
    known[rowid] = &a;
    fresh.insert(rowid);
    out.stories.insert(as.story);
    // The merges and moves this article caused, each explained with the words that made it (the
    // moved article's own, else this article's: it reached both sides).
    for (const cluster::Change& c : as.changes) {
      std::vector<std::string> labels;
      std::string moved_why;
      if (c.kind == cluster::Change::Kind::kArticleMoved) {
        Result<AnalyzedArticle> moved = LoadArticle(db_, c.article_id, known);
        if (!moved.ok()) return moved.status();
        labels = LabelFromArticles({*moved}, c.shared);
        moved_why = MovedWhyJson(c, labels);
      } else {
        labels = LabelFromArticles({a}, c.shared);
      }
      if (Status s = ApplyChange(db_, c, rowid, SharedTermsJson(c.shared, labels), moved_why, out.stories, out.gone);
          !s.ok()) {
        return s;
      }
    }
    ++out.accepted;
    out.acknowledged.push_back(p.id);
  }

  // The touched stories are rebuilt a group at a time: read (this thread), analysed (every thread
  // the ingest has), written (this thread). A group holds stories until it holds
  // kRebuildGroupArticles articles, which bounds the memory a batch of large stories takes.
  constexpr size_t kRebuildGroupArticles = 4096;
  std::vector<StoryRebuild> group;
  size_t loaded = 0;
  auto flush = [&]() -> Status {
    if (Status s = LoadOldReports(db_, group); !s.ok()) return s;
    if (threads_ == 1) {
      for (StoryRebuild& r : group) AnalyzeLoadedStory(r);
    } else {
      // Called from the ingest runner's in-order step, inside its arena: the other threads join in.
      tbb::parallel_for(size_t(0), group.size(), [&](size_t i) { AnalyzeLoadedStory(group[i]); });
    }
    for (StoryRebuild& r : group) {
      if (Status s = WriteStory(db_, r, fresh); !s.ok()) return s;
    }
    group.clear();
    loaded = 0;
    return Status::Ok();
  };
  for (uint32_t story : out.stories) {
    std::optional<cluster::StoryInfo> info = clusterer_->GetStory(story);
    if (!info || info->merged_into != 0) continue;
    StoryRebuild& r = group.emplace_back();
    if (Status s = LoadStory(db_, *info, known, r); !s.ok()) return s;
    loaded += r.articles.size();
    if (loaded >= kRebuildGroupArticles) {
      if (Status s = flush(); !s.ok()) return s;
    }
  }
  if (Status s = flush(); !s.ok()) return s;
  if (words_) {  // the words of articles not inserted (duplicates, new versions, rejected)
    for (const PendingArticle& p : batch) {
      if (p.search_words) words_->Forget(p.search_words);
    }
  }
  if (caught_up) {
    if (Status s = SaveStateIfDue(); !s.ok()) return s;
  }
  return PruneChanges(db_);
}

Result<bool> Writer::KnownHash(int64_t rowid, const std::string& raw_hash) {
  Stmt s = db_.Prepare("SELECT 1 FROM article_hashes WHERE article = ?1 AND raw_hash = ?2");
  s.Bind(1, rowid);
  s.Bind(2, raw_hash);
  const StepResult r = s.Step();
  if (r == StepResult::kError) return s.status();
  return r == StepResult::kRow;
}

Status Writer::StoreVersion(PendingArticle& p, int64_t rowid, std::map<int64_t, const AnalyzedArticle*>& known,
                            std::set<int64_t>& fresh, BatchOutcome& out) {
  Stmt cur = db_.Prepare(
      "SELECT rowid, id, outlet, title, author, author_role, url, published, published_inferred, text, "
      "duplicate_of, story, version, raw_hash FROM articles WHERE rowid = ?1");
  cur.Bind(1, rowid);
  if (cur.Step() != StepResult::kRow) return cur.status().ok() ? IoError("store: an article vanished") : cur.status();
  const Article& a = p.analysed.article;
  auto remember_hash = [&](std::string_view hash) {
    Stmt h = db_.Prepare("INSERT INTO article_hashes (article, raw_hash) VALUES (?1, ?2) ON CONFLICT DO NOTHING");
    h.Bind(1, rowid);
    h.Bind(2, hash);
    return h.Run();
  };
  // The same article read again (a page whose chrome changed, a feed that touched its date field):
  // a duplicate, and its raw input is remembered so that it is not cleaned next time.
  if (a.title == cur.Text(3) && a.author == cur.Text(4) && a.published == cur.Text(7) && a.text == cur.Text(9)) {
    if (Status s = remember_hash(p.raw_hash); !s.ok()) return s;
    ++out.duplicates;
    out.acknowledged.push_back(p.id);
    return Status::Ok();
  }
  const int64_t version = cur.Int(12);
  const int64_t story = cur.Int(11);
  Stmt keep = db_.Prepare(
      "INSERT INTO article_versions (article, version, raw_hash, outlet, title, author, author_role, url, published, text) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  keep.Bind(1, rowid);
  keep.Bind(2, version);
  keep.Bind(3, cur.Text(13));
  keep.Bind(4, cur.Text(2));   // outlet
  keep.Bind(5, cur.Text(3));   // title
  keep.Bind(6, cur.Text(4));   // author
  keep.Bind(7, cur.Text(5));   // author_role
  keep.Bind(8, cur.Text(6));   // url
  keep.Bind(9, cur.Text(7));   // published
  keep.Bind(10, cur.Text(9));  // text
  if (Status s = keep.Run(); !s.ok()) return s;
  if (Status s = remember_hash(cur.Text(13)); !s.ok()) return s;

  // What changed: the old version's analysis is at hand when it was stored recently, else it is
  // extracted again from its stored text.
  AnalyzedArticle old;
  if (auto it = known.find(rowid); it != known.end()) {
    old = *it->second;
  } else {
    old.article = RebuildStoredArticle(cur);
    old.mentions = ExtractMentions(old.article);
    old.events = ExtractEvents(old.article, old.mentions);
  }
  // The new version's analysis replaces the old one's (or, without one, the old one is dropped).
  if (!p.analysis.empty()) {
    if (Status s = StoreAnalysis(db_, rowid, p.analysis); !s.ok()) return s;
  } else {
    Stmt drop = db_.Prepare("DELETE FROM article_analysis WHERE article = ?1");
    drop.Bind(1, rowid);
    if (Status s = drop.Run(); !s.ok()) return s;
  }
  const std::string changes = ArticleChangesJson(old, p.analysed);

  const std::string_view unindex_sql = SearchIndexRemove(db_.engine());
  if (!unindex_sql.empty()) {
    Stmt unindex = db_.Prepare(unindex_sql);
    unindex.Bind(1, rowid);
    unindex.Bind(2, cur.Text(3));
    unindex.Bind(3, cur.Text(9));
    if (Status s = unindex.Run(); !s.ok()) return s;
  }
  // The story and the reprint link stay, and the clusterer keeps the first version's features: a
  // correction seldom changes what an article reports, and replacing its features would mean
  // taking them out of its story's centroid.
  Stmt upd = db_.Prepare(
      "UPDATE articles SET raw_hash = ?1, outlet = ?2, title = ?3, author = ?4, author_role = ?5, url = ?6, "
      "published = ?7, published_inferred = '', text = ?8, version = ?9 WHERE rowid = ?10");
  upd.Bind(1, p.raw_hash);
  upd.Bind(2, a.outlet);
  upd.Bind(3, a.title);
  upd.Bind(4, a.author);
  upd.Bind(5, a.author_role);
  upd.Bind(6, a.url);
  upd.Bind(7, a.published);
  upd.Bind(8, a.text);
  upd.Bind(9, version + 1);
  upd.Bind(10, rowid);
  if (Status s = upd.Run(); !s.ok()) return s;
  if (const std::string_view index_sql = SearchIndexAdd(db_.engine()); !index_sql.empty()) {
    Stmt index = db_.Prepare(index_sql);
    index.Bind(1, rowid);
    index.Bind(2, a.title);
    index.Bind(3, a.text);
    if (Status s = index.Run(); !s.ok()) return s;
  }
  Stmt corr = db_.Prepare(
      "INSERT INTO corrections (article, version, story, changes) VALUES (?1, ?2, ?3, ?4) "
      "ON CONFLICT (article, version) DO UPDATE SET story = excluded.story, changes = excluded.changes");
  corr.Bind(1, rowid);
  corr.Bind(2, version + 1);
  corr.Bind(3, story);
  corr.Bind(4, changes);
  if (Status s = corr.Run(); !s.ok()) return s;
  if (Status s = LogCorrection(db_, static_cast<uint32_t>(story), p.id, version + 1, changes); !s.ok()) return s;

  p.analysed.story = cluster::StoryName(static_cast<uint32_t>(story));
  p.analysed.duplicate_of = std::string(cur.Text(10));
  p.rowid = rowid;
  known[rowid] = &p.analysed;
  fresh.insert(rowid);
  out.stories.insert(static_cast<uint32_t>(story));
  ++out.versions;
  out.acknowledged.push_back(p.id);
  return Status::Ok();
}

Status Writer::CommitBatch(std::vector<PendingArticle>& batch, BatchOutcome& out,
                           const std::function<Status(Db&)>& first) {
  bool refused = false;  // by `first`: nothing was stored nor added to the clusterer
  Status s = InWriteTransaction(db_, [&] {
    if (first) {
      if (Status f = first(db_); !f.ok()) {
        refused = true;
        return f;
      }
    }
    return StoreBatch(batch, out);
  });
  if (!s.ok() && refused) {
    out = BatchOutcome{};
    return s;
  }
  if (!s.ok()) {
    // The clusterer saw articles that were rolled back, and their rowids will be reused: rebuild
    // it from the store next time, and forget what was kept.
    clusterer_.reset();
    replayed_rowid_ = 0;
    state_articles_ = 0;  // a state saved in the batch was rolled back with it
    Forget();
    out = BatchOutcome{};
    return s;
  }
  Remember(batch);
  return s;
}

void Writer::Remember(std::vector<PendingArticle>& batch) {
  constexpr size_t kRecentArticles = 4096;
  for (PendingArticle& p : batch) {
    if (p.rowid > 0) recent_.insert_or_assign(p.rowid, std::move(p.analysed));  // a new version replaces
  }
  while (recent_.size() > kRecentArticles) recent_.erase(recent_.begin());
}

void Writer::Forget() { recent_.clear(); }

}  // namespace corroborate::store
