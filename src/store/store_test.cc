// Tests of ingest into the store: idempotent, incremental after reopening, two writers on one file,
// bad and naughty input, and reads while another thread writes. The articles are examples/ (ours)
// and short ones written here.
#include "store/store.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <atomic>
#include <thread>

#include "core/json_writer.h"
#include "store/test_util.h"

namespace corroborate::store {
namespace {

using namespace testing_util;
CORROBORATE_ON_EACH_ENGINE(Ingest);
CORROBORATE_ON_EACH_ENGINE(Robust);
CORROBORATE_ON_EACH_ENGINE(Concurrency);
namespace fs = std::filesystem;

TEST_P(Ingest, SameArticleTwiceIsStoredOnceAndAReusedIdIsRejected) {
  TempDb tmp;
  auto store = OpenOrDie(tmp.path());
  ASSERT_TRUE(store);
  const std::string body = Line("x1", "Alpha Post", "Lumora Foods said on Monday it will close its plant in Tarvik.") +
                           Line("x2", "Beta Daily", "Lumora Foods will close the Tarvik plant, the company said.");
  Result<IngestReport> first = store->IngestJsonLines(body);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->accepted, 2u);
  EXPECT_EQ(first->duplicates, 0u);
  Result<IngestReport> again = store->IngestJsonLines(body);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->accepted, 0u);
  EXPECT_EQ(again->duplicates, 2u);
  EXPECT_TRUE(again->stories.empty());

  // Line 2 reuses x1 with other text; line 1 is not JSON. Both are named by line; line 3 is stored.
  Result<IngestReport> bad = store->IngestJsonLines(
      "{not json\n" + Line("x1", "Alpha Post", "Different words entirely.") + Line("x3", "Gamma", "Another text."));
  ASSERT_TRUE(bad.ok());
  EXPECT_EQ(bad->accepted, 1u);
  ASSERT_EQ(bad->rejected.size(), 2u);
  EXPECT_EQ(bad->rejected[0].line, 1u);
  EXPECT_EQ(bad->rejected[1].line, 2u);
  EXPECT_NE(bad->rejected[1].reason.find("different content"), std::string::npos);
  EXPECT_EQ(*store->ArticleCount(), 3);

  simdjson::dom::parser p;
  std::string reply = IngestReportJson(*bad);
  simdjson::dom::element e = Parse(p, reply);
  EXPECT_EQ(int64_t(e["accepted"]), 1);
  EXPECT_EQ(int64_t(e["rejected"].at(1)["line"]), 2);
}

TEST_P(Ingest, PostedArticlesWithoutIdAreNamedByContentAndMayBePrettyPrinted) {
  TempDb tmp;
  auto store = OpenOrDie(tmp.path());
  ASSERT_TRUE(store);
  const std::string pretty = "{\n  \"outlet\": \"Alpha Post\",\n  \"text\": \"Vellora Bank opened a branch.\"\n}\n";
  Result<IngestReport> first = store->IngestJsonLines(pretty);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->accepted, 1u);
  EXPECT_TRUE(first->rejected.empty());
  Result<IngestReport> again = store->IngestJsonLines(pretty);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->duplicates, 1u);
  // Another article without an id on the same line number is another article.
  Result<IngestReport> other = store->IngestJsonLines(R"({"text":"Quarro Labs hired ten engineers."})");
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(other->accepted, 1u);
  EXPECT_EQ(*store->ArticleCount(), 2);
}

// Articles ingested one at a time, reopening the store between them, end in the same stories with
// the same reports as ingesting them all at once: the clusterer's state comes back from the store.
TEST_P(Ingest, IncrementalAfterReopenMatchesOneBatch) {
  TempDb whole, pieces;
  auto all = OpenOrDie(whole.path());
  ASSERT_TRUE(all);
  Result<IngestReport> r = all->Ingest({kExamples}, {});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->accepted, ExampleArticleCount());
  for (const std::string& file : ExampleFiles()) {
    auto one = OpenOrDie(pieces.path());
    ASSERT_TRUE(one);
    Result<IngestReport> x = one->Ingest({file}, {});
    ASSERT_TRUE(x.ok());
    EXPECT_EQ(x->accepted, ArticlesIn(file));
    ASSERT_EQ(x->stories.size(), 1u);
    EXPECT_EQ(x->stories[0], "s1") << file << " should join the examples' one story";
  }
  auto reopened = OpenOrDie(pieces.path());
  ASSERT_TRUE(reopened);
  // Ids default to paths; both stores used the same paths.
  Result<std::string> a = all->StoryJson("s1");
  Result<std::string> b = reopened->StoryJson("s1");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
  EXPECT_EQ(*reopened->StoryCount(), 1);
  // The claims rows are rewritten with the story each time, never left from an earlier report.
  Result<Db> one = Db::Open(whole.path(), true, 1000);
  Result<Db> many = Db::Open(pieces.path(), true, 1000);
  ASSERT_TRUE(one.ok() && many.ok());
  const std::vector<std::string> rows = FactRows(*one);
  EXPECT_FALSE(rows.empty());
  EXPECT_EQ(FactRows(*many), rows);
}

// Two writers on one file (two processes, or here two Store objects): each replays what the other
// stored before writing, so the stories are those of one writer taking the articles in order.
TEST_P(Ingest, TwoWritersTakeTurnsOnOneFile) {
  TempDb whole, shared;
  auto all = OpenOrDie(whole.path());
  ASSERT_TRUE(all && all->Ingest({kExamples}, {}).ok());
  auto a = OpenOrDie(shared.path());
  auto b = OpenOrDie(shared.path());
  ASSERT_TRUE(a && b);
  const std::vector<std::string> files = ExampleFiles();
  ASSERT_GE(files.size(), 2u);  // the example files, taken in turns by the two writers
  for (size_t i = 0; i < files.size(); ++i) {
    Result<IngestReport> r = (i % 2 ? b : a)->Ingest({files[i]}, {});
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r->stories, std::vector<std::string>{"s1"}) << files[i];
  }
  EXPECT_EQ(*a->StoryJson("s1"), *all->StoryJson("s1"));
  // An unrelated article opens story 2 whichever writer takes it: both know story 1 exists.
  Result<IngestReport> other = a->IngestJsonLines(
      Line("u1", "Gamma", "Orvane Textiles recalled forty thousand jackets over a faulty zip on Friday."));
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(other->stories, std::vector<std::string>{"s2"});
  Result<IngestReport> third = b->IngestJsonLines(
      Line("u2", "Delta", "Quillmark Dairy will build a cheese plant near the river port, its owners said."));
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->stories, std::vector<std::string>{"s3"});
}

// Articles are prepared on several threads and committed in input order: the reports and the
// stories are those of one thread. Copies of an article come right after the batch holding it,
// where a parallel run may prepare them before that batch commits: the unchanged copy must still
// count as a duplicate, and the changed one be rejected when read (before the line after it), not
// when its own batch commits.
TEST_P(Ingest, AnyThreadCountStoresTheSame) {
  // Batches of 3: lines 1-3, then line 4 (a copy of line 3) with lines 7 and 8. Line 5 changes
  // line 3's text under its id and line 6 has no text: both rejected, in that order.
  const std::string t3 = Line("t3", "Gamma Wire", "Lumora Foods is closing its Tarvik plant; 300 workers will lose their jobs.");
  const std::string body =
      Line("t1", "Alpha Post", "Lumora Foods said on Monday it will close its plant in Tarvik, cutting 300 jobs.") +
      Line("t2", "Beta Daily", "Lumora Foods will close the Tarvik plant and cut 300 jobs, the company said.") + t3 + t3 +
      Line("t3", "Gamma Wire", "Lumora Foods will keep the Tarvik plant open.") + R"({"id":"t6"})" + "\n" +
      Line("t7", "Delta News", "Lumora Foods confirmed that its Tarvik plant will close with the loss of 300 jobs.") +
      Line("t8", "Delta News", "Orvane Textiles recalled forty thousand jackets over a faulty zip on Friday.");
  struct Outcome {
    IngestReport report;
    std::vector<std::string> stories;  // each story's stored report
  };
  std::vector<Outcome> outcomes;
  for (size_t threads : {1, 2, 4}) {
    TempDb tmp;
    StoreOptions options;
    options.batch_articles = 3;
    options.threads = threads;
    auto store = OpenOrDie(tmp.path(), options);
    ASSERT_TRUE(store);
    Result<IngestReport> r = store->IngestJsonLines(body);
    ASSERT_TRUE(r.ok());
    Outcome o{*r, {}};
    for (const std::string& id : r->stories) o.stories.push_back(*store->StoryJson(id));
    outcomes.push_back(std::move(o));

    EXPECT_EQ(r->accepted, 5u) << threads << " threads: t1, t2, t3, t7, t8";
    EXPECT_EQ(r->duplicates, 1u) << threads << " threads: line 4";
    ASSERT_EQ(r->rejected.size(), 2u) << threads << " threads";
    EXPECT_EQ(r->rejected[0].line, 5u) << threads << " threads";
    EXPECT_NE(r->rejected[0].reason.find("different content"), std::string::npos);
    EXPECT_EQ(r->rejected[1].line, 6u) << threads << " threads";
  }
  for (size_t k = 1; k < outcomes.size(); ++k) {
    EXPECT_EQ(outcomes[k].report.stories, outcomes[0].report.stories) << "run " << k;
    EXPECT_EQ(outcomes[k].stories, outcomes[0].stories) << "run " << k;
  }
}

// ../shared/robust: the naughty strings as ids, titles and texts of posted articles, as search
// queries and as look-up keys; the JSON parsing suite's documents as request bodies. Nothing may
// crash; every failure must be a clean status of the right kind.
TEST_P(Robust, NaughtyStringsAndBadJsonBodies) {
  const std::string robust = std::string(CORROBORATE_SHARED_DIR) + "/robust";
  if (!fs::exists(robust + "/blns/blns.json")) GTEST_SKIP() << "../shared/robust is absent";
  TempDb tmp;
  auto store = OpenOrDie(tmp.path());
  ASSERT_TRUE(store);
  simdjson::dom::parser parser;
  simdjson::padded_string blns;
  ASSERT_EQ(simdjson::padded_string::load(robust + "/blns/blns.json").get(blns), simdjson::SUCCESS);
  simdjson::dom::array strings;
  ASSERT_EQ(parser.parse(blns).get(strings), simdjson::SUCCESS);
  size_t n = 0;
  for (simdjson::dom::element e : strings) {
    const std::string naughty{std::string_view(e)};
    if (naughty.empty()) continue;
    ++n;
    JsonWriter w;
    w.BeginObject();
    w.Key("id"); w.String("blns-" + std::to_string(n) + naughty);
    w.Key("title"); w.String(naughty);
    w.Key("text"); w.String("Text " + std::to_string(n) + ": " + naughty);
    w.EndObject();
    Result<IngestReport> r = store->IngestJsonLines(w.str());
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_EQ(r->accepted + r->rejected.size(), 1u) << naughty;
    if (r->accepted == 1) {  // it reads back as it was posted
      Result<std::string> back = store->ArticleJson("blns-" + std::to_string(n) + naughty);
      ASSERT_TRUE(back.ok()) << naughty;
      simdjson::dom::parser p2;
      simdjson::dom::element a;
      ASSERT_EQ(p2.parse(*back).get(a), simdjson::SUCCESS);
      EXPECT_EQ(std::string_view(a["title"]), naughty);
    }

    SearchQuery q;
    q.q = naughty;
    Result<std::string> found = store->SearchJson(q);
    if (!found.ok()) {
      EXPECT_EQ(found.status().code(), StatusCode::kInvalidInput) << naughty;
    }
    for (Result<std::string> missing : {store->StoryJson(naughty), store->ArticleJson(naughty)}) {
      if (!missing.ok()) {
        EXPECT_EQ(missing.status().code(), StatusCode::kNotFound) << naughty;
      }
    }
    StoryQuery sq;
    sq.entity = naughty;
    sq.type = naughty;
    EXPECT_TRUE(store->ListStoriesJson(sq).ok()) << naughty;
    EventQuery eq;
    eq.entity = naughty;
    EXPECT_TRUE(store->EventsJson(eq).ok()) << naughty;
  }
  EXPECT_GT(n, 100u);

  const std::string suite = robust + "/JSONTestSuite/test_parsing";
  size_t bodies = 0;
  for (const auto& f : fs::directory_iterator(suite)) {
    simdjson::padded_string body;
    if (simdjson::padded_string::load(f.path().string()).get(body)) continue;
    Result<IngestReport> r = store->IngestJsonLines(std::string_view(body));
    ASSERT_TRUE(r.ok()) << f.path() << ": " << r.status().message();
    ++bodies;
  }
  EXPECT_GT(bodies, 100u);
  Result<std::string> all = store->ListStoriesJson(StoryQuery{});
  ASSERT_TRUE(all.ok());
  simdjson::dom::element e;
  EXPECT_EQ(parser.parse(*all).get(e), simdjson::SUCCESS);
}

// One thread ingests batch after batch while others query: every read succeeds and sees a
// consistent store (WAL readers do not wait for the writer).
TEST_P(Concurrency, ReadsSucceedWhileAnotherThreadWrites) {
  TempDb tmp;
  auto store = OpenOrDie(tmp.path());
  ASSERT_TRUE(store);
  std::atomic<bool> done{false};
  std::atomic<int> failures{0}, reads{0};
  std::thread writer([&] {
    for (int b = 0; b < 20; ++b) {
      std::string body;
      for (int i = 0; i < 5; ++i) {
        const std::string id = "c" + std::to_string(b) + "_" + std::to_string(i);
        body += Line(id, "Outlet " + std::to_string(i),
                     "Company number " + std::to_string(b) + " opened a warehouse in town " + std::to_string(b) + ".");
      }
      Result<IngestReport> r = store->IngestJsonLines(body);
      if (!r.ok() || r->accepted != 5) ++failures;
    }
    done = true;
  });
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t) {
    readers.emplace_back([&] {
      simdjson::dom::parser p;
      while (!done) {
        Result<std::string> list = store->ListStoriesJson(StoryQuery{});
        SearchQuery q;
        q.q = "warehouse";
        Result<std::string> found = store->SearchJson(q);
        simdjson::dom::element e;
        if (!list.ok() || !found.ok() || p.parse(*list).get(e)) ++failures;
        ++reads;
      }
    });
  }
  writer.join();
  for (std::thread& t : readers) t.join();
  EXPECT_EQ(failures, 0);
  EXPECT_GT(reads, 0);
  EXPECT_EQ(*store->ArticleCount(), 100);
}

}  // namespace
}  // namespace corroborate::store
