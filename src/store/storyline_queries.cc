// Storyline reads and explanations (see storyline_queries.h). Tested in store_test.cc and
// tests/serve/api_test.py.
#include "store/storyline_queries.h"

#include <algorithm>
#include <charconv>

#include "core/json_writer.h"
#include "store/read_common.h"

namespace corroborate::store {
namespace {

// A history row as the API shows it.
void WriteHistory(JsonWriter& w, Stmt& h) {
  const std::string kind(h.Text(1));
  const bool lines = kind == "storyline_merged";
  w.BeginObject();
  w.Key("kind"); w.String(kind);
  w.Key("from"); w.String(lines ? StorylineName(h.Int(2)) : StoryName(h.Int(2)));
  w.Key("to"); w.String(lines ? StorylineName(h.Int(3)) : StoryName(h.Int(3)));
  w.Key("article"); w.StringOrNull(h.Text(4));
  w.Key("similarity"); w.Double(h.Double(5));
  w.Key("shared"); w.RawValue(h.Text(6));
  w.Key("at_article"); w.StringOrNull(h.Text(7));
  w.EndObject();
}

// "history": the cluster_history rows `where` picks (its ?1 bound to `id`), in the order they happened.
Status WriteHistoryArray(Db& db, JsonWriter& w, const std::string& where, int64_t id) {
  Stmt h = db.Prepare(
      "SELECT h.seq, h.kind, h.from_id, h.to_id, h.article, h.similarity, h.shared, "
      "(SELECT id FROM articles WHERE rowid = h.at_article) FROM cluster_history h WHERE " + where + " ORDER BY h.seq");
  h.Bind(1, id);
  w.Key("history");
  w.BeginArray();
  StepResult r;
  while ((r = h.Step()) == StepResult::kRow) WriteHistory(w, h);
  if (r == StepResult::kError) return h.status();
  w.EndArray();
  return Status::Ok();
}

// The stories' row as the storyline timeline shows it.
void WriteStoryRow(JsonWriter& w, Stmt& s) {
  w.BeginObject();
  w.Key("id"); w.String(StoryName(s.Int(0)));
  w.Key("headline"); w.String(s.Text(1));
  w.Key("articles"); w.Int(s.Int(2));
  w.Key("outlets"); w.Int(s.Int(3));
  w.Key("first_published"); w.StringOrNull(s.Text(4));
  w.Key("last_published"); w.StringOrNull(s.Text(5));
  w.Key("event_types"); w.RawValue(s.Text(6));
  w.Key("entities"); w.RawValue(s.Text(7));
  w.Key("link"); w.RawValue(s.Text(8));
  w.EndObject();
}

}  // namespace

Result<int64_t> MergedInto(Db& db, int64_t id, bool storylines) {
  Stmt s = db.Prepare(storylines
                          ? "SELECT to_id FROM cluster_history WHERE from_id = ?1 AND kind = 'storyline_merged' "
                            "ORDER BY seq DESC LIMIT 1"
                          : "SELECT to_id FROM cluster_history WHERE from_id = ?1 AND kind = 'story_merged' "
                            "ORDER BY seq DESC LIMIT 1");
  int64_t at = id;
  // Each merge goes to a smaller id, so the chain ends; the bound only guards a damaged file.
  for (int hops = 0; hops < 10000; ++hops) {
    s.Bind(1, at);
    const StepResult r = s.Step();
    if (r == StepResult::kError) return s.status();
    if (r == StepResult::kDone) return at == id ? 0 : at;
    const int64_t next = s.Int(0);
    s.Reset();
    if (next >= at) return at;
    at = next;
  }
  return at;
}

Result<std::string> QueryStorylines(Db& db, const StorylineQuery& q) {
  if ((!q.from.empty() && !IsDay(q.from)) || (!q.to.empty() && !IsDay(q.to))) {
    return InvalidInput("from and to are dates: YYYY-MM-DD");
  }
  const Page p = Clamp(q.page, q.per_page);
  std::string where = " WHERE storyline != 0";
  std::string having = " HAVING 1 = 1";
  std::vector<std::string> args;
  if (!q.entity.empty()) {
    args.push_back(q.entity);
    where += " AND storyline IN (SELECT s.storyline FROM stories s JOIN story_entities e ON e.story = s.id "
             "WHERE e.name = ?" + std::to_string(args.size()) + ")";
  }
  if (!q.from.empty()) {
    args.push_back(q.from);
    having += " AND max(last_published) >= ?" + std::to_string(args.size());
  }
  if (!q.to.empty()) {
    args.push_back(q.to);
    having += " AND min(NULLIF(first_published, '')) <= ?" + std::to_string(args.size());
  }
  const std::string grouped = "SELECT storyline, count(*) AS n, CAST(sum(articles) AS BIGINT), min(NULLIF(first_published, '')), "
                              "max(last_published) FROM stories" + where + " GROUP BY storyline" + having;
  Snapshot snap(db);
  if (!snap.status().ok()) return snap.status();
  Stmt count = db.Prepare("SELECT count(*) FROM (" + grouped + ") AS g");
  for (size_t i = 0; i < args.size(); ++i) count.Bind(static_cast<int>(i + 1), args[i]);
  if (count.Step() != StepResult::kRow) return count.status();
  const int64_t total = count.Int(0);
  // The headline and entities of a storyline are its largest story's.
  Stmt s = db.Prepare(
      "SELECT g.*, (SELECT headline FROM stories b WHERE b.storyline = g.storyline ORDER BY b.articles DESC, b.id "
      "LIMIT 1), (SELECT entities FROM stories b WHERE b.storyline = g.storyline ORDER BY b.articles DESC, b.id "
      "LIMIT 1) FROM (" + grouped + ") g ORDER BY 5 DESC, 1 DESC LIMIT " + std::to_string(p.per_page) + " OFFSET " +
      std::to_string(p.offset()));
  for (size_t i = 0; i < args.size(); ++i) s.Bind(static_cast<int>(i + 1), args[i]);
  JsonWriter w;
  w.BeginObject();
  w.Key("storylines");
  w.BeginArray();
  StepResult r;
  while ((r = s.Step()) == StepResult::kRow) {
    w.BeginObject();
    w.Key("id"); w.String(StorylineName(s.Int(0)));
    w.Key("headline"); w.String(s.Text(5));
    w.Key("stories"); w.Int(s.Int(1));
    w.Key("articles"); w.Int(s.Int(2));
    w.Key("first_published"); w.StringOrNull(s.Text(3));
    w.Key("last_published"); w.StringOrNull(s.Text(4));
    w.Key("entities"); w.RawValue(s.Text(6).empty() ? "[]" : s.Text(6));
    w.EndObject();
  }
  if (r == StepResult::kError) return s.status();
  w.EndArray();
  EndPage(w, p, total);
  return w.str();
}

Result<std::string> QueryStoryline(Db& db, const std::string& storyline_id) {
  const int64_t n = IdNumber(storyline_id, 'l');
  if (n == 0) return NotFound("no storyline " + storyline_id);
  Snapshot snap(db);
  if (!snap.status().ok()) return snap.status();
  Stmt s = db.Prepare(
      "SELECT id, headline, articles, outlets, first_published, last_published, event_types, entities, link "
      "FROM stories WHERE storyline = ?1 ORDER BY first_published = '', first_published, id");
  s.Bind(1, n);
  JsonWriter stories;
  stories.BeginArray();
  int64_t count = 0, articles = 0, largest = -1;
  std::string headline, first, last;
  StepResult r;
  while ((r = s.Step()) == StepResult::kRow) {
    WriteStoryRow(stories, s);
    ++count;
    articles += s.Int(2);
    if (s.Int(2) > largest) {
      largest = s.Int(2);
      headline = s.Text(1);
    }
    const std::string f(s.Text(4)), l(s.Text(5));
    if (!f.empty() && (first.empty() || f < first)) first = f;
    if (l > last) last = l;
  }
  if (r == StepResult::kError) return s.status();
  stories.EndArray();
  if (count == 0) {
    Result<int64_t> into = MergedInto(db, n, true);
    if (!into.ok()) return into.status();
    if (*into != 0) return NotFound("storyline " + storyline_id + " was merged into " + StorylineName(*into));
    return NotFound("no storyline " + storyline_id);
  }
  Stmt outlets = db.Prepare(
      "SELECT count(DISTINCT CASE outlet WHEN '' THEN id ELSE outlet END) FROM articles "
      "WHERE story IN (SELECT id FROM stories WHERE storyline = ?1)");
  outlets.Bind(1, n);
  if (outlets.Step() != StepResult::kRow) return outlets.status();

  JsonWriter w;
  w.BeginObject();
  w.Key("id"); w.String(StorylineName(n));
  w.Key("headline"); w.String(headline);
  w.Key("stories"); w.RawValue(stories.str());
  w.Key("articles"); w.Int(articles);
  w.Key("outlets"); w.Int(outlets.Int(0));
  w.Key("first_published"); w.StringOrNull(first);
  w.Key("last_published"); w.StringOrNull(last);
  // What made it: storylines merged into it, and merges and moves among its stories.
  if (Status st = WriteHistoryArray(db, w,
                                    "(h.kind = 'storyline_merged' AND h.to_id = ?1) OR (h.kind != 'storyline_merged' AND "
                                    "h.to_id IN (SELECT id FROM stories WHERE storyline = ?1))",
                                    n);
      !st.ok()) {
    return st;
  }
  w.EndObject();
  return w.str();
}

Result<std::string> QueryStoryWhy(Db& db, const std::string& story_id) {
  const int64_t n = IdNumber(story_id, 's');
  if (n == 0) return NotFound("no story " + story_id);
  Snapshot snap(db);
  if (!snap.status().ok()) return snap.status();
  Stmt s = db.Prepare("SELECT storyline, link FROM stories WHERE id = ?1");
  s.Bind(1, n);
  StepResult r = s.Step();
  if (r == StepResult::kError) return s.status();
  if (r == StepResult::kDone) {
    Result<int64_t> into = MergedInto(db, n, false);
    if (!into.ok()) return into.status();
    if (*into != 0) return NotFound("story " + story_id + " was merged into " + StoryName(*into));
    return NotFound("no story " + story_id);
  }
  JsonWriter w;
  w.BeginObject();
  w.Key("story"); w.String(StoryName(n));
  w.Key("storyline");
  if (s.Int(0) == 0) w.Null();
  else w.String(StorylineName(s.Int(0)));
  w.Key("link"); w.RawValue(s.Text(1));
  Stmt a = db.Prepare(
      "SELECT id, title, outlet, CASE published_inferred WHEN '' THEN published ELSE published_inferred END, why "
      "FROM articles WHERE story = ?1 ORDER BY rowid");
  a.Bind(1, n);
  w.Key("articles");
  w.BeginArray();
  while ((r = a.Step()) == StepResult::kRow) {
    w.BeginObject();
    w.Key("id"); w.String(a.Text(0));
    w.Key("title"); w.StringOrNull(a.Text(1));
    w.Key("outlet"); w.StringOrNull(a.Text(2));
    w.Key("published"); w.StringOrNull(a.Text(3));
    w.Key("why"); w.RawValue(a.Text(4));
    w.EndObject();
  }
  if (r == StepResult::kError) return a.status();
  w.EndArray();
  if (Status st = WriteHistoryArray(db, w, "h.kind != 'storyline_merged' AND (h.to_id = ?1 OR h.from_id = ?1)", n);
      !st.ok()) {
    return st;
  }
  w.EndObject();
  return w.str();
}

}  // namespace corroborate::store
