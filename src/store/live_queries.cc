// Change log, versions and corrections (see live_queries.h). Tested in live_store_test.cc and tests/watch.
#include "store/live_queries.h"

#include <charconv>

#include "core/json_writer.h"

namespace corroborate::store {
namespace {

int64_t StoryNumberOf(std::string_view id) {
  if (id.size() < 2 || id[0] != 's') return 0;
  int64_t n = 0;
  auto [end, ec] = std::from_chars(id.data() + 1, id.data() + id.size(), n);
  return ec == std::errc() && end == id.data() + id.size() && n > 0 ? n : 0;
}

}  // namespace

Result<std::vector<Change>> QueryChangesSince(Db& db, int64_t after, size_t max) {
  Stmt s = db.Prepare("SELECT seq, kind, json FROM changes WHERE seq > ?1 ORDER BY seq LIMIT ?2");
  s.Bind(1, after);
  s.Bind(2, static_cast<int64_t>(max));
  std::vector<Change> out;
  StepResult r;
  while ((r = s.Step()) == StepResult::kRow) out.push_back(Change{s.Int(0), std::string(s.Text(1)), std::string(s.Text(2))});
  if (r == StepResult::kError) return s.status();
  return out;
}

Result<int64_t> QueryLatestChange(Db& db) {
  Stmt s = db.Prepare("SELECT coalesce(max(seq), 0) FROM changes");
  if (s.Step() != StepResult::kRow) return s.status();
  return s.Int(0);
}

Result<std::string> QueryArticleVersions(Db& db, const std::string& article_id) {
  Stmt a = db.Prepare("SELECT rowid, version, title, published, text FROM articles WHERE id = ?1");
  a.Bind(1, article_id);
  StepResult r = a.Step();
  if (r == StepResult::kError) return a.status();
  if (r == StepResult::kDone) return NotFound("no article " + article_id);
  const int64_t rowid = a.Int(0);
  JsonWriter w;
  w.BeginObject();
  w.Key("id"); w.String(article_id);
  w.Key("version"); w.Int(a.Int(1));
  w.Key("versions");
  w.BeginArray();
  // Every version, oldest first: the superseded ones kept whole, then the current one; each with
  // what changed from the one before.
  Stmt old = db.Prepare(
      "SELECT v.version, v.title, v.published, v.text, c.changes FROM article_versions v "
      "LEFT JOIN corrections c ON c.article = v.article AND c.version = v.version WHERE v.article = ?1 ORDER BY v.version");
  old.Bind(1, rowid);
  auto write = [&](int64_t version, std::string_view title, std::string_view published, std::string_view text,
                   std::string_view changes) {
    w.BeginObject();
    w.Key("version"); w.Int(version);
    w.Key("title"); w.StringOrNull(title);
    w.Key("published"); w.StringOrNull(published);
    w.Key("text"); w.String(text);
    w.Key("changes"); w.RawValue(changes.empty() ? "[]" : changes);
    w.EndObject();
  };
  while ((r = old.Step()) == StepResult::kRow) write(old.Int(0), old.Text(1), old.Text(2), old.Text(3), old.Text(4));
  if (r == StepResult::kError) return old.status();
  Stmt last = db.Prepare("SELECT changes FROM corrections WHERE article = ?1 AND version = ?2");
  last.Bind(1, rowid);
  last.Bind(2, a.Int(1));
  r = last.Step();
  if (r == StepResult::kError) return last.status();
  write(a.Int(1), a.Text(2), a.Text(3), a.Text(4), r == StepResult::kRow ? last.Text(0) : std::string_view());
  w.EndArray();
  w.EndObject();
  return w.str();
}

Result<std::string> QueryStoryCorrections(Db& db, const std::string& story_id) {
  const int64_t n = StoryNumberOf(story_id);
  if (n == 0) return NotFound("no story " + story_id);
  Stmt exists = db.Prepare("SELECT 1 FROM stories WHERE id = ?1");
  exists.Bind(1, n);
  StepResult r = exists.Step();
  if (r == StepResult::kError) return exists.status();
  if (r == StepResult::kDone) return NotFound("no story " + story_id);
  Stmt s = db.Prepare(
      "SELECT a.id, c.version, c.changes FROM corrections c JOIN articles a ON a.rowid = c.article "
      "WHERE c.story = ?1 ORDER BY a.rowid, c.version");
  s.Bind(1, n);
  JsonWriter w;
  w.BeginObject();
  w.Key("story"); w.String(story_id);
  w.Key("corrections");
  w.BeginArray();
  while ((r = s.Step()) == StepResult::kRow) {
    w.BeginObject();
    w.Key("article"); w.String(s.Text(0));
    w.Key("version"); w.Int(s.Int(1));
    w.Key("changes"); w.RawValue(s.Text(2));
    w.EndObject();
  }
  if (r == StepResult::kError) return s.status();
  w.EndArray();
  w.EndObject();
  return w.str();
}

}  // namespace corroborate::store
