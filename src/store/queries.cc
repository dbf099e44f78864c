// The read queries (see queries.h). Each runs in one read transaction, so a page and its total
// agree even while a writer commits. Tested in store_test.cc.
#include "store/queries.h"

#include <algorithm>
#include <charconv>

#include "core/json_writer.h"
#include "store/dialect.h"
#include "store/read_common.h"
#include "store/search_query.h"
#include "store/storyline_queries.h"

namespace corroborate::store {
namespace {

Result<int64_t> Count(Db& db, const std::string& sql, const std::vector<std::string>& args) {
  Stmt s = db.Prepare(sql);
  for (size_t i = 0; i < args.size(); ++i) s.Bind(static_cast<int>(i + 1), args[i]);
  if (s.Step() != StepResult::kRow) return s.status();
  return s.Int(0);
}

}  // namespace

Result<std::string> QueryStories(Db& db, const StoryQuery& q) {
  if ((!q.from.empty() && !IsDay(q.from)) || (!q.to.empty() && !IsDay(q.to))) {
    return InvalidInput("from and to are dates: YYYY-MM-DD");
  }
  const Page p = Clamp(q.page, q.per_page);
  std::string where = " WHERE 1 = 1";
  std::vector<std::string> args;
  auto add = [&](const std::string& value, const char* cond) {
    if (value.empty()) return;
    args.push_back(value);
    where += std::string(" AND ") + cond + std::to_string(args.size());
  };
  add(q.entity, "id IN (SELECT story FROM story_entities WHERE name = ?");
  if (!q.entity.empty()) where += ")";
  add(q.type, "id IN (SELECT story FROM events WHERE type = ?");
  if (!q.type.empty()) where += ")";
  add(q.from, "last_published >= ?");
  add(q.to, "first_published != '' AND first_published <= ?");

  Snapshot snap(db);
  if (!snap.status().ok()) return snap.status();
  Result<int64_t> total = Count(db, "SELECT count(*) FROM stories" + where, args);
  if (!total.ok()) return total.status();
  Stmt s = db.Prepare(
      "SELECT id, headline, articles, outlets, first_published, last_published, event_types, entities, storyline "
      "FROM stories" +
      where + " ORDER BY last_published DESC, id DESC LIMIT " + std::to_string(p.per_page) + " OFFSET " +
      std::to_string(p.offset()));
  for (size_t i = 0; i < args.size(); ++i) s.Bind(static_cast<int>(i + 1), args[i]);
  JsonWriter w;
  w.BeginObject();
  w.Key("stories");
  w.BeginArray();
  StepResult r;
  while ((r = s.Step()) == StepResult::kRow) {
    w.BeginObject();
    w.Key("id"); w.String(StoryName(s.Int(0)));
    w.Key("headline"); w.String(s.Text(1));
    w.Key("articles"); w.Int(s.Int(2));
    w.Key("outlets"); w.Int(s.Int(3));
    w.Key("first_published"); w.StringOrNull(s.Text(4));
    w.Key("last_published"); w.StringOrNull(s.Text(5));
    w.Key("event_types"); w.RawValue(s.Text(6));
    w.Key("entities"); w.RawValue(s.Text(7));
    w.Key("storyline");
    if (s.Int(8) == 0) w.Null();
    else w.String("l" + std::to_string(s.Int(8)));
    w.EndObject();
  }
  if (r == StepResult::kError) return s.status();
  w.EndArray();
  EndPage(w, p, *total);
  return w.str();
}

Result<std::string> QueryStory(Db& db, const std::string& story_id) {
  const int64_t n = IdNumber(story_id, 's');
  if (n == 0) return NotFound("no story " + story_id);
  Stmt s = db.Prepare("SELECT report, storyline FROM stories WHERE id = ?1");
  s.Bind(1, n);
  StepResult r = s.Step();
  if (r == StepResult::kError) return s.status();
  if (r == StepResult::kDone) {
    Result<int64_t> into = MergedInto(db, n, false);
    if (!into.ok()) return into.status();
    if (*into != 0) return NotFound("story " + story_id + " was merged into " + StoryName(*into));
    return NotFound("no story " + story_id);
  }
  std::string report(s.Text(0));
  if (s.Int(1) == 0) return report;
  // The stored report leaves its storyline out (a storyline merge renames it without touching the
  // story); it goes in after the story's id. Inside JSON strings quotes are escaped, so this
  // sequence is the story object's own opening.
  const std::string open = "\"stories\":[{\"id\":\"" + story_id + "\",";
  const size_t at = report.find(open);
  if (at != std::string::npos) {
    report.insert(at + open.size(), "\"storyline\":\"l" + std::to_string(s.Int(1)) + "\",");
  }
  return report;
}

Result<std::string> QueryArticle(Db& db, const std::string& article_id) {
  Snapshot snap(db);
  if (!snap.status().ok()) return snap.status();
  Stmt s = db.Prepare(
      "SELECT rowid, id, outlet, title, author, published, published_inferred, url, story, text, version, why "
      "FROM articles WHERE id = ?1");
  s.Bind(1, article_id);
  StepResult r = s.Step();
  if (r == StepResult::kError) return s.status();
  if (r == StepResult::kDone) return NotFound("no article " + article_id);
  const bool inferred = !s.Text(6).empty();
  JsonWriter w;
  w.BeginObject();
  w.Key("id"); w.String(s.Text(1));
  w.Key("outlet"); w.StringOrNull(s.Text(2));
  w.Key("title"); w.StringOrNull(s.Text(3));
  w.Key("author"); w.StringOrNull(s.Text(4));
  w.Key("published"); w.StringOrNull(inferred ? s.Text(6) : s.Text(5));
  w.Key("published_inferred"); w.Bool(inferred);
  w.Key("url"); w.StringOrNull(s.Text(7));
  w.Key("story"); w.String(StoryName(s.Int(8)));
  w.Key("why"); w.RawValue(s.Text(11).empty() ? "{}" : s.Text(11));
  w.Key("text"); w.String(s.Text(9));
  w.Key("version"); w.Int(s.Int(10));  // 1, or how many versions were stored (GET .../versions)
  Stmt quotes = db.Prepare("SELECT json FROM mentions WHERE article = ?1 AND kind = 'quote' ORDER BY start");
  quotes.Bind(1, s.Int(0));
  w.Key("quotes");
  w.BeginArray();
  while ((r = quotes.Step()) == StepResult::kRow) w.RawValue(quotes.Text(0));
  if (r == StepResult::kError) return quotes.status();
  w.EndArray();
  // The facts this article states: each claim as its story report gives it, with the event and role
  // it states, in text order.
  // The claim's own JSON (an object without these keys) with the keys added at its end.
  Stmt claims = db.Prepare(
      "SELECT c.json, c.story, c.event, e.type, c.role, c.settled "
      "FROM claims c JOIN events e ON e.story = c.story AND e.id = c.event "
      "WHERE c.article = ?1 ORDER BY c.start, c.\"end\", e.seq, c.rowid");
  claims.Bind(1, s.Text(1));
  w.Key("claims");
  w.BeginArray();
  while ((r = claims.Step()) == StepResult::kRow) {
    std::string_view json = claims.Text(0);
    const size_t close = json.rfind('}');
    if (close == std::string_view::npos) return IoError("store: a claim's JSON is not an object");
    JsonWriter extra;
    extra.BeginObject();
    extra.Key("story"); extra.String(StoryName(claims.Int(1)));
    extra.Key("event"); extra.String(claims.Text(2));
    extra.Key("type"); extra.String(claims.Text(3));
    extra.Key("role"); extra.String(claims.Text(4));
    extra.Key("settled"); extra.Bool(claims.Int(5) != 0);
    extra.EndObject();
    const std::string keys = extra.str();  // {"story":…}: its inside goes before the claim's }
    std::string merged(json.substr(0, close));
    if (json.substr(0, close).find_first_not_of(" {") != std::string_view::npos) merged += ',';
    merged.append(keys, 1, std::string::npos);
    w.RawValue(merged);
  }
  if (r == StepResult::kError) return claims.status();
  w.EndArray();
  w.EndObject();
  return w.str();
}

Result<std::string> QueryEvents(Db& db, const EventQuery& q) {
  const Page p = Clamp(q.page, q.per_page);
  std::string where = " WHERE 1 = 1";
  std::vector<std::string> args;
  if (!q.type.empty()) {
    args.push_back(q.type);
    where += " AND type = ?" + std::to_string(args.size());
  }
  if (!q.entity.empty()) {
    args.push_back(q.entity);
    where += " AND EXISTS (SELECT 1 FROM event_roles r WHERE r.story = events.story AND r.event = events.id"
             " AND r.value = ?" + std::to_string(args.size()) + ")";
  }
  if (!q.origin.empty()) {
    args.push_back(q.origin);
    where += " AND " + JsonArrayHolds(db.engine(), "events.origins", static_cast<int>(args.size()));
  }
  if (!q.cited.empty()) {
    args.push_back(q.cited);
    where += " AND EXISTS (SELECT 1 FROM claims c WHERE c.story = events.story AND c.event = events.id"
             " AND c.cited = ?" + std::to_string(args.size()) + ")";
  }
  Snapshot snap(db);
  if (!snap.status().ok()) return snap.status();
  Result<int64_t> total = Count(db, "SELECT count(*) FROM events" + where, args);
  if (!total.ok()) return total.status();
  Stmt s = db.Prepare("SELECT story, id, type, status, roles, sources, outlets, origins, " +
                      JsonArrayLength(db.engine(), "origins") + " FROM events" + where +
                      " ORDER BY story DESC, seq LIMIT " + std::to_string(p.per_page) + " OFFSET " +
                      std::to_string(p.offset()));
  for (size_t i = 0; i < args.size(); ++i) s.Bind(static_cast<int>(i + 1), args[i]);
  JsonWriter w;
  w.BeginObject();
  w.Key("events");
  w.BeginArray();
  StepResult r;
  while ((r = s.Step()) == StepResult::kRow) {
    w.BeginObject();
    w.Key("story"); w.String(StoryName(s.Int(0)));
    w.Key("id"); w.String(s.Text(1));
    w.Key("type"); w.String(s.Text(2));
    w.Key("status"); w.String(s.Text(3));
    w.Key("roles"); w.RawValue(s.Text(4));
    w.Key("sources"); w.RawValue(s.Text(5));
    w.Key("outlets"); w.Int(s.Int(6));
    w.Key("independent_sources"); w.Int(s.Int(8));
    w.Key("origins"); w.RawValue(s.Text(7));
    w.Key("single_source"); w.Bool(s.Int(8) <= 1);
    w.EndObject();
  }
  if (r == StepResult::kError) return s.status();
  w.EndArray();
  EndPage(w, p, *total);
  return w.str();
}

Result<std::string> QuerySearch(Db& db, const SearchQuery& q, std::chrono::milliseconds time_limit) {
  // The client's words are quoted into FTS5 strings: no FTS5 operator comes from the client, and the
  // word count is bounded, so a query costs about the postings of its words; the time limit stops
  // what is still too costly (very common words over a very large store).
  Result<std::vector<std::string>> terms = SearchTerms(q.q);
  if (!terms.ok()) return InvalidInput("search: " + terms.status().message());
  const Page p = Clamp(q.page, q.per_page);
  Snapshot snap(db);
  if (!snap.status().ok()) return snap.status();
  TimeLimit limit(db, time_limit);
  // Failures name neither the SQL nor the FTS5 query: the message goes back to the client.
  auto failed = [&](const Status& s) -> Status {
    if (s.code() == StatusCode::kLimitExceeded || limit.expired()) {
      return LimitExceeded("search: stopped after " + std::to_string(time_limit.count()) +
                           " ms; search for fewer or less common words");
    }
    if (s.code() == StatusCode::kInvalidInput) return InvalidInput("search: the query cannot be read");
    return s;
  };
  const SearchStatements sql = SearchSql(db.engine(), *terms, p.per_page, p.offset());
  Result<int64_t> total = Count(db, sql.count, sql.args);
  if (!total.ok()) return failed(total.status());
  // The page's query ranks every match: not started once the time is spent.
  if (limit.expired()) return failed(Status::Ok());
  Stmt s = db.Prepare(sql.page);
  for (size_t i = 0; i < sql.args.size(); ++i) s.Bind(static_cast<int>(i + 1), sql.args[i]);
  JsonWriter w;
  w.BeginObject();
  w.Key("results");
  w.BeginArray();
  StepResult r;
  while ((r = s.Step()) == StepResult::kRow) {
    w.BeginObject();
    w.Key("article"); w.String(s.Text(0));
    w.Key("story"); w.String(StoryName(s.Int(1)));
    w.Key("title"); w.StringOrNull(s.Text(2));
    w.Key("snippet"); w.String(s.Text(3));
    w.EndObject();
  }
  if (r == StepResult::kError) return failed(s.status());
  w.EndArray();
  EndPage(w, p, *total);
  return w.str();
}

}  // namespace corroborate::store
