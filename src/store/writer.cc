// The write side (see writer.h). Tested in store_test.cc and tests/store/crash_test.py.
#include "store/writer.h"

#include <cstdio>

#include <tbb/parallel_for.h>

#include "cluster/hash.h"
#include "store/features_codec.h"
#include "store/cluster_changes.h"
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

Status Writer::CatchUp(BatchOutcome& out) {
  if (!clusterer_) {
    clusterer_ = cluster::NewInMemoryClusterer(cluster::ClusterOptions{});
    replayed_rowid_ = 0;
  }
  const bool from_start = replayed_rowid_ == 0;
  std::vector<std::pair<int64_t, uint32_t>> stored;  // (rowid, story) of each replayed article
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
    if (from_start) stored.push_back({replayed_rowid_, uint32_t(s.Int(2))});
  }
  if (r == StepResult::kError) return s.status();
  s = Stmt();
  return from_start ? Realign(stored, out) : Status::Ok();
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
  Stmt find = db_.Prepare("SELECT raw_hash FROM articles WHERE id = ?1");
  Stmt insert = db_.Prepare(
      "INSERT INTO articles (id, raw_hash, outlet, title, author, author_role, url, published, "
      "published_inferred, text, story, duplicate_of, features, why) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, '', ?9, ?10, ?11, ?12, ?13)");
  Stmt index = db_.Prepare("INSERT INTO articles_fts (rowid, title, text) VALUES (?1, ?2, ?3)");
  for (const Stmt* s : {&find, &insert, &index}) {
    if (!s->status().ok()) return s->status();
  }

  std::map<int64_t, const AnalyzedArticle*> known;
  for (const auto& [rowid, a] : recent_) known[rowid] = &a;
  std::set<int64_t> fresh;
  for (PendingArticle& p : batch) {
    find.Bind(1, p.id);
    StepResult r = find.Step();
    if (r == StepResult::kError) return find.status();
    if (r == StepResult::kRow) {
      const bool same = find.Text(0) == p.raw_hash;
      find.Reset();
      if (same) {
        ++out.duplicates;
        out.acknowledged.push_back(p.id);
      } else {
        out.rejected.push_back({p.source, p.line, ReusedIdReason(p.id)});
      }
      continue;
    }
    find.Reset();
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
    insert.Bind(13, WhyJson(as, a));
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
    if (Status s = insert.Run(); !s.ok()) return s;
    const int64_t rowid = db_.LastInsertRowid();
    replayed_rowid_ = rowid;
    index.Bind(1, rowid);
    index.Bind(2, art.title);
    index.Bind(3, art.text);
    if (Status s = index.Run(); !s.ok()) return s;

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
  return flush();
}

Status Writer::CommitBatch(std::vector<PendingArticle>& batch, BatchOutcome& out) {
  Status s = InTransaction(db_, "BEGIN IMMEDIATE", [&] { return StoreBatch(batch, out); });
  if (!s.ok()) {
    // The clusterer saw articles that were rolled back, and their rowids will be reused: rebuild
    // it from the store next time, and forget what was kept.
    clusterer_.reset();
    replayed_rowid_ = 0;
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
    if (p.rowid > 0) recent_.emplace(p.rowid, std::move(p.analysed));
  }
  while (recent_.size() > kRecentArticles) recent_.erase(recent_.begin());
}

void Writer::Forget() { recent_.clear(); }

}  // namespace corroborate::store
