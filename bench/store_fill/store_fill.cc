// Fills a store with many articles fast, for the fast-start benchmark at a million articles
// (docs/BENCHMARKS.md, "Fast start at 1M (#17)"), where `corroborate ingest` would take hours on a
// shared machine. Not tested: a bench tool; what it writes is checked by the real code opening it.
//
//   build/bench/store_fill_bench --db s1m.db articles-1M.jsonl
//
// It writes what opening a store to write reads: every article's row in `articles` as ingest
// writes it (cleaned text, raw hash, story, reprint link, cluster features, why), with the stories
// of merges and moves applied, and the clusterer's state (store/cluster_state.h). It does not
// build what only reading needs: the stories' reports (`stories` and its tables) and the search
// index of these articles. The clusterer, the features and the row values are ingest's own code.
#include <cstdio>
#include <string>
#include <vector>

#include "cluster/features.h"
#include "cluster/story_clusterer.h"
#include "clean/cleaner.h"
#include "extract/extract.h"
#include "pipeline/ordered_run.h"
#include "store/cluster_changes.h"
#include "store/cluster_state.h"
#include "store/features_codec.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "store/writer.h"

using namespace corroborate;

namespace {

struct Prepared {
  std::string id;
  std::string raw_hash;
  std::optional<AnalyzedArticle> analysed;
  cluster::ArticleFeatures features;
};

int Fail(const Status& s) {
  std::fprintf(stderr, "store_fill: %s\n", s.message().c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4 || std::string(argv[1]) != "--db") {
    std::fprintf(stderr, "usage: store_fill_bench --db STORE INPUT...\n");
    return 2;
  }
  const std::string path = argv[2];
  const std::vector<std::string> inputs(argv + 3, argv + argc);
  {  // the real code creates the store (schema and migrations)
    Result<std::unique_ptr<store::Store>> created = store::Store::Open(path, store::StoreOptions{});
    if (!created.ok()) return Fail(created.status());
  }
  Result<store::Db> opened = store::Db::Open(path, false, 30000);
  if (!opened.ok()) return Fail(opened.status());
  store::Db& db = *opened;
  {
    store::Stmt n = db.Prepare("SELECT count(*) FROM articles");
    if (n.Step() != store::StepResult::kRow) return Fail(n.status());
    if (n.Int(0) != 0) return Fail(InvalidInput(path + ": holds articles already; store_fill fills a new store"));
  }
  std::unique_ptr<cluster::StoryClusterer> clusterer = cluster::NewInMemoryClusterer(cluster::ClusterOptions{});
  if (Status s = db.Exec("BEGIN IMMEDIATE"); !s.ok()) return Fail(s);
  store::Stmt insert = db.Prepare(
      "INSERT INTO articles (id, raw_hash, outlet, title, author, author_role, url, published, "
      "published_inferred, text, story, duplicate_of, features, why) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, '', ?9, ?10, ?11, ?12, ?13)");
  if (!insert.status().ok()) return Fail(insert.status());
  Status failure;
  size_t stored = 0, rejected = 0;
  PipelineOptions options;
  RunInOrder<Prepared>(
      inputs, options,
      [&](RawDocument&& doc) {  // any thread
        Prepared p;
        p.id = doc.id;
        p.raw_hash = store::RawHash(doc);
        Result<Article> article = CleanDocument(std::move(doc), CleanOptions{});
        if (!article.ok()) return p;
        AnalyzedArticle a;
        a.article = article.take();
        a.mentions = ExtractMentions(a.article);
        p.features = cluster::ExtractFeatures(a.article, a.mentions);
        p.analysed = std::move(a);
        return p;
      },
      [&](Prepared&& p) {  // input order
        if (!failure.ok()) return;
        if (!p.analysed) {
          ++rejected;
          return;
        }
        const cluster::Assignment as = clusterer->Add(p.features);
        AnalyzedArticle& a = *p.analysed;
        a.story = cluster::StoryName(as.story);
        a.duplicate_of = as.duplicate_of;
        const Article& art = a.article;
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
        insert.BindBlob(12, store::EncodeFeatures(p.features));
        insert.Bind(13, store::WhyJson(as, a));
        failure = insert.Run();
        if (++stored % 100000 == 0) {
          std::fprintf(stderr, "store_fill: %zu articles\n", stored);
          if (failure.ok()) failure = db.Exec("COMMIT");
          if (failure.ok()) failure = db.Exec("BEGIN IMMEDIATE");
        }
      },
      [&](const InputProblem& p) {
        ++rejected;
        std::fprintf(stderr, "%s\n", p.Format().c_str());
      });
  if (!failure.ok()) return Fail(failure);
  insert = store::Stmt();
  // Merges and moves changed the stories of articles stored earlier: each row gets the story the
  // clusterer now puts it in, as ingest's updates leave it. Rowids follow the clusterer's numbers.
  {
    store::Stmt move = db.Prepare("UPDATE articles SET story = ?1 WHERE rowid = ?2 AND story <> ?1");
    for (uint32_t n = 0; n < clusterer->ArticleCount(); ++n) {
      move.Bind(1, static_cast<int64_t>(clusterer->StoryOfArticle(n)));
      move.Bind(2, static_cast<int64_t>(n) + 1);
      if (Status s = move.Run(); !s.ok()) return Fail(s);
    }
  }
  if (Status s = store::SaveClusterState(db, *clusterer, static_cast<int64_t>(clusterer->ArticleCount())); !s.ok()) {
    return Fail(s);
  }
  if (Status s = db.Exec("COMMIT"); !s.ok()) return Fail(s);
  std::fprintf(stderr, "store_fill: %zu articles stored, %zu not, %zu stories\n", stored, rejected,
               clusterer->StoryCount());
  return 0;
}
