// Rebuilding one story (see story_builder.h). The events, sources and evidence rows are read back
// from the story report JSON itself, so the rows and the report cannot disagree and the report's
// rendering (pipeline/report_json.h) is not written twice. Tested in store_test.cc and tests/store.
#include "store/story_builder.h"

#include <simdjson.h>

#include <algorithm>
#include <set>
#include <unordered_map>

#include "cluster/story_clusterer.h"
#include "core/json_writer.h"
#include "events/extract_events.h"
#include "extract/extract.h"
#include "pipeline/mentions_json.h"
#include "pipeline/report_json.h"
#include "store/analysis_codec.h"
#include "store/cluster_changes.h"
#include "store/row_batch.h"
#include "store/story_changes.h"
#include "text/segment.h"

namespace corroborate::store {
namespace {

constexpr size_t kTopEntities = 8;

}  // namespace

namespace {

// The row's fields, without the paragraphs and sentences.
Article StoredArticleFields(const Stmt& row) {
  Article a;
  a.id = row.Text(1);
  a.source = a.id;
  a.outlet = row.Text(2);
  a.title = row.Text(3);
  a.author = row.Text(4);
  a.author_role = row.Text(5);
  a.url = row.Text(6);
  a.published = row.Text(7);
  a.text = row.Text(9);
  return a;
}

void FindSentences(Article& a) {
  a.paragraphs = FindParagraphs(a.text);
  a.sentences = FindSentences(a.text, a.paragraphs);
}

}  // namespace

Article RebuildStoredArticle(const Stmt& row) {
  Article a = StoredArticleFields(row);
  FindSentences(a);
  return a;
}

bool RestoreAnalysis(AnalyzedArticle& a, std::string_view analysis) {
  if (DecodeAnalysis(analysis, a)) return false;
  FindSentences(a.article);
  a.mentions = ExtractMentions(a.article);
  a.events = ExtractEvents(a.article, a.mentions);
  return true;
}

namespace {

Status ParseError(std::string_view what) { return InvalidInput("store: cannot read back " + std::string(what)); }

std::string ValueText(simdjson::dom::element v) {
  std::string_view s;
  if (v.get_string().get(s) == simdjson::SUCCESS) return std::string(s);
  return simdjson::minify(v);
}

// The article's mentions as `corroborate extract` prints them, one row each.
Status WriteMentions(Db& db, int64_t rowid, const AnalyzedArticle& a, simdjson::dom::parser& parser) {
  Stmt del = db.Prepare("DELETE FROM mentions WHERE article = ?1");
  del.Bind(1, rowid);
  if (Status s = del.Run(); !s.ok()) return s;
  JsonWriter w;
  WriteExtractJson(a.article, a.mentions, w);
  simdjson::dom::element doc;
  if (parser.parse(w.str()).get(doc)) return ParseError("mentions");
  RowBatch ins(db, "INSERT INTO mentions (article, kind, start, \"end\", value, json) VALUES", 6);
  static const std::pair<const char*, const char*> kLists[] = {
      {"quantities", "quantity"}, {"dates", "date"}, {"entities", "entity"}, {"quotes", "quote"}};
  for (auto [list, kind] : kLists) {
    simdjson::dom::array items;
    if (doc[list].get(items)) return ParseError(list);
    for (simdjson::dom::element m : items) {
      int64_t start = 0, end = 0;
      if (m["start"].get(start) || m["end"].get(end)) return ParseError("a mention's offsets");
      simdjson::dom::element value;
      const char* value_key = std::string_view(kind) == "entity" ? "canonical"
                              : std::string_view(kind) == "quote" ? "speaker" : "value";
      std::string value_text = m[value_key].get(value) ? "" : ValueText(value);
      if (value_text == "null") value_text.clear();
      ins.Int(rowid);
      ins.Text(kind);
      ins.Int(start);
      ins.Int(end);
      ins.Text(value_text);
      ins.Text(simdjson::minify(m));
      if (Status s = ins.EndRow(); !s.ok()) return s;
    }
  }
  return ins.Flush();
}

// Writes claims rows: one per statement (the table's unique key drops a settled statement that a
// conflict lists again), in report order.
class ClaimWriter {
 public:
  ClaimWriter(Db& db, uint32_t story)
      : story_(story),
        rows_(db, "INSERT INTO claims (story, event, role, article, start, \"end\", text, value, qualifier, cited, settled, json) VALUES",
              12, " ON CONFLICT DO NOTHING") {}

  // `claims`: a role's or a conflicting value's claims array; `settled`: they state the settled value.
  Status Write(std::string_view event, std::string_view role, simdjson::dom::array claims, bool settled) {
    for (simdjson::dom::element c : claims) {
      std::string_view article, text;
      int64_t start = 0, end = 0;
      simdjson::dom::element value;
      if (c["article"].get(article) || c["start"].get(start) || c["end"].get(end) || c["text"].get(text) ||
          c["value"].get(value)) {
        return ParseError("a claim");
      }
      std::string_view qualifier, cited;
      if (c["qualifier"].get(qualifier)) qualifier = "";
      if (c["cited"].get(cited)) cited = "";
      rows_.Int(static_cast<int64_t>(story_));
      rows_.Text(event);
      rows_.Text(role);
      rows_.Text(article);
      rows_.Int(start);
      rows_.Int(end);
      rows_.Text(text);
      AddValue(value);
      rows_.Text(qualifier);
      rows_.Text(cited);
      rows_.Int(int64_t{settled});
      rows_.Text(simdjson::minify(c));
      if (Status s = rows_.EndRow(); !s.ok()) return s;
    }
    return Status::Ok();
  }
  Status Flush() { return rows_.Flush(); }

 private:
  // Numbers as numbers and text as text, as SQLite's json_extract gives them (the migration that
  // filled this table from stored reports used it), so `value > 1e9` and `value = 'Acme'` both work.
  void AddValue(simdjson::dom::element v) {
    int64_t n = 0;
    double d = 0;
    std::string_view text;
    if (v.get_int64().get(n) == simdjson::SUCCESS) rows_.Int(n);
    else if (v.get_double().get(d) == simdjson::SUCCESS) rows_.Double(d);
    else if (v.get_string().get(text) == simdjson::SUCCESS) rows_.Text(text);
    else rows_.Text(ValueText(v));
  }

  uint32_t story_;
  RowBatch rows_;
};

// Events, their roles, sources, evidence and claims, from the report's single story. Many rows per
// statement (row_batch.h): a story's rows are a few dozen, and its rebuilds many per batch.
Status WriteEvents(Db& db, uint32_t story, simdjson::dom::element report, std::vector<std::string>& types) {
  simdjson::dom::array events, conflicts;
  if (report["stories"].at(0)["events"].get(events)) return ParseError("events");
  if (report["stories"].at(0)["conflicts"].get(conflicts)) return ParseError("conflicts");
  RowBatch ev(db, "INSERT INTO events (story, id, seq, type, status, roles, sources, outlets, origins) VALUES", 9);
  RowBatch role(db, "INSERT INTO event_roles (story, event, role, value) VALUES", 4);
  RowBatch src(db, "INSERT INTO event_sources (story, event, article) VALUES", 3);
  RowBatch evi(db, "INSERT INTO evidence (story, event, article, start, \"end\", text) VALUES", 6);
  ClaimWriter claims(db, story);
  int64_t seq = 0;
  for (simdjson::dom::element e : events) {
    std::string_view id, type, status;
    simdjson::dom::object roles;
    simdjson::dom::array sources, evidence, origins;
    int64_t outlets = 0;
    if (e["id"].get(id) || e["type"].get(type) || e["status"].get(status) || e["roles"].get(roles) ||
        e["sources"].get(sources) || e["evidence"].get(evidence) || e["outlets"].get(outlets) ||
        e["origins"].get(origins)) {
      return ParseError("an event");
    }
    if (std::find(types.begin(), types.end(), type) == types.end()) types.emplace_back(type);
    ev.Int(static_cast<int64_t>(story));
    ev.Text(id);
    ev.Int(seq++);
    ev.Text(type);
    ev.Text(status);
    ev.Text(simdjson::minify(roles));
    ev.Text(simdjson::minify(sources));
    ev.Int(outlets);
    ev.Text(simdjson::minify(origins));
    if (Status s = ev.EndRow(); !s.ok()) return s;
    for (auto field : roles) {
      simdjson::dom::element v;
      if (field.value["value"].get(v)) continue;  // not a role value (the "cumulative" flag)
      role.Int(static_cast<int64_t>(story));
      role.Text(id);
      role.Text(field.key);
      role.Text(ValueText(v));
      if (Status s = role.EndRow(); !s.ok()) return s;
      simdjson::dom::array stated;
      if (field.value["claims"].get(stated) == simdjson::SUCCESS) {
        if (Status s = claims.Write(id, field.key, stated, true); !s.ok()) return s;
      }
    }
    for (simdjson::dom::element a : sources) {
      src.Int(static_cast<int64_t>(story));
      src.Text(id);
      src.Text(ValueText(a));
      if (Status s = src.EndRow(); !s.ok()) return s;
    }
    for (simdjson::dom::element x : evidence) {
      std::string_view article, text;
      int64_t start = 0, end = 0;
      if (x["article"].get(article) || x["start"].get(start) || x["end"].get(end) || x["text"].get(text)) {
        return ParseError("evidence");
      }
      evi.Int(static_cast<int64_t>(story));
      evi.Text(id);
      evi.Text(article);
      evi.Int(start);
      evi.Int(end);
      evi.Text(text);
      if (Status s = evi.EndRow(); !s.ok()) return s;
    }
  }
  // The statements of conflicting values that the settled values do not already list.
  for (simdjson::dom::element c : conflicts) {
    std::string_view event, role_name;
    simdjson::dom::array values;
    if (c["event"].get(event) || c["role"].get(role_name) || c["values"].get(values)) return ParseError("a conflict");
    for (simdjson::dom::element v : values) {
      simdjson::dom::array stated;
      if (v["claims"].get(stated) != simdjson::SUCCESS) continue;  // the status: no words
      if (Status s = claims.Write(event, role_name, stated, false); !s.ok()) return s;
    }
  }
  for (RowBatch* rows : {&ev, &role, &src, &evi}) {
    if (Status s = rows->Flush(); !s.ok()) return s;
  }
  return claims.Flush();
}

std::string JsonArray(const std::vector<std::string>& items) {
  JsonWriter w;
  w.BeginArray();
  for (const std::string& s : items) w.String(s);
  w.EndArray();
  return w.str();
}

// Canonical names by the number of the story's articles that mention them, most first.
std::vector<std::string> EntitiesByArticles(const std::vector<AnalyzedArticle>& articles) {
  std::unordered_map<std::string, int> count;
  for (const AnalyzedArticle& a : articles) {
    std::set<std::string_view> seen;
    const EntityMentions& em = a.mentions.entities;
    for (const EntityMention& m : em.mentions) {
      const std::string& name = em.entities[m.entity].canonical;
      if (!name.empty() && seen.insert(name).second) ++count[name];
    }
  }
  std::vector<std::pair<std::string, int>> v(count.begin(), count.end());
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::vector<std::string> names;
  for (auto& [name, n] : v) names.push_back(name);
  return names;
}

}  // namespace

Status StoreAnalysis(Db& db, int64_t rowid, std::string_view analysis) {
  Stmt put = db.Prepare(
      "INSERT INTO article_analysis (article, analysis) VALUES (?1, ?2) "
      "ON CONFLICT (article) DO UPDATE SET analysis = excluded.analysis");
  put.Bind(1, rowid);
  put.BindBlob(2, analysis);
  return put.Run();
}

Status LoadStory(Db& db, const cluster::StoryInfo& info, const std::map<int64_t, const AnalyzedArticle*>& known,
                 StoryRebuild& out) {
  const uint32_t story = info.id;
  out = StoryRebuild{};
  out.story = story;
  out.info = info;
  out.analysed.id = cluster::StoryName(story);
  out.analysed.headline = info.headline;
  Stmt sel = db.Prepare(
      "SELECT a.rowid, a.id, a.outlet, a.title, a.author, a.author_role, a.url, a.published, a.published_inferred, "
      "a.text, a.duplicate_of, x.analysis FROM articles a LEFT JOIN article_analysis x ON x.article = a.rowid "
      "WHERE a.story = ?1 ORDER BY a.rowid");
  sel.Bind(1, static_cast<int64_t>(story));
  StepResult r;
  while ((r = sel.Step()) == StepResult::kRow) {
    const int64_t rowid = sel.Int(0);
    auto it = known.find(rowid);
    if (it != known.end()) {
      out.articles.push_back(*it->second);
      out.read_back.push_back(false);
      out.stored.emplace_back();
    } else {
      // Decoded (or extracted) by AnalyzeLoadedStory, on any thread.
      AnalyzedArticle a;
      a.article = StoredArticleFields(sel);
      a.story = cluster::StoryName(story);
      a.duplicate_of = sel.Text(10);
      out.articles.push_back(std::move(a));
      out.read_back.push_back(true);
      out.stored.emplace_back(sel.Blob(11));
    }
    out.reanalysed.emplace_back();
    out.rowids.push_back(rowid);
    out.old_inferred.emplace_back(sel.Text(8));
  }
  if (r == StepResult::kError) return sel.status();
  return Status::Ok();
}

Status LoadOldReports(Db& db, std::vector<StoryRebuild>& group) {
  constexpr size_t kPerStatement = 64;  // one statement text, the ids missing bound as NULL
  std::string sql = "SELECT id, report FROM stories WHERE id IN (";
  for (size_t i = 1; i <= kPerStatement; ++i) sql += (i > 1 ? ", ?" : "?") + std::to_string(i);
  Stmt s = db.Prepare(sql + ")");
  std::unordered_map<int64_t, StoryRebuild*> by_id;
  for (StoryRebuild& r : group) by_id[r.story] = &r;
  for (size_t from = 0; from < group.size(); from += kPerStatement) {
    for (size_t i = 0; i < kPerStatement; ++i) {
      if (from + i < group.size()) s.Bind(int(i + 1), static_cast<int64_t>(group[from + i].story));
      else s.BindNull(int(i + 1));
    }
    StepResult r;
    while ((r = s.Step()) == StepResult::kRow) {
      if (auto it = by_id.find(s.Int(0)); it != by_id.end()) it->second->old_report = s.Text(1);
    }
    if (r == StepResult::kError) return s.status();
    s.Reset();
  }
  return Status::Ok();
}

Result<AnalyzedArticle> LoadArticle(Db& db, const std::string& id, const std::map<int64_t, const AnalyzedArticle*>& known) {
  Stmt sel = db.Prepare(
      "SELECT a.rowid, a.id, a.outlet, a.title, a.author, a.author_role, a.url, a.published, a.published_inferred, "
      "a.text, a.duplicate_of, x.analysis FROM articles a LEFT JOIN article_analysis x ON x.article = a.rowid "
      "WHERE a.id = ?1");
  sel.Bind(1, id);
  const StepResult r = sel.Step();
  if (r == StepResult::kError) return sel.status();
  if (r == StepResult::kDone) return NotFound("no article " + id);
  auto it = known.find(sel.Int(0));
  if (it != known.end()) return *it->second;
  AnalyzedArticle a;
  a.article = StoredArticleFields(sel);
  a.duplicate_of = sel.Text(10);
  (void)RestoreAnalysis(a, sel.Blob(11));
  return a;
}

void AnalyzeLoadedStory(StoryRebuild& r) {
  if (r.articles.empty()) return;  // every article moved away: WriteStory deletes it
  for (size_t i = 0; i < r.articles.size(); ++i) {
    if (!r.read_back[i]) continue;
    AnalyzedArticle& a = r.articles[i];
    // Extracted again (stored before its analysis was, or by another build): its analysis is
    // stored with the story, as it is before the story infers anything.
    if (RestoreAnalysis(a, r.stored[i]) && !BuildId().empty()) r.reanalysed[i] = EncodeAnalysis(a);
    r.stored[i] = std::string();
  }
  r.analysed.articles.clear();
  for (size_t i = 0; i < r.articles.size(); ++i) r.analysed.articles.push_back(i);
  AnalyzeStory(r.articles, r.analysed);
  AnalyzeResult result;
  result.articles = std::move(r.articles);
  result.stories.push_back(std::move(r.analysed));
  JsonWriter w;
  WriteAnalyzeJson(result, w);
  r.report = w.str();
  r.articles = std::move(result.articles);
  r.analysed = std::move(result.stories[0]);
  r.link = LinkJson(r.info, LabelFromArticles(r.articles, r.info.link.shared));
}

Status WriteStory(Db& db, StoryRebuild& r, const std::set<int64_t>& fresh) {
  const uint32_t story = r.story;
  if (r.articles.empty()) return DeleteStory(db, story);
  const std::string& report = r.report;

  // Articles: inferred dates and mentions, where new or changed; analysis, where extracted again.
  simdjson::dom::parser parser;
  Stmt upd = db.Prepare("UPDATE articles SET published_inferred = ?1 WHERE rowid = ?2");
  for (size_t i = 0; i < r.reanalysed.size(); ++i) {
    if (r.reanalysed[i].empty()) continue;
    if (Status st = StoreAnalysis(db, r.rowids[i], r.reanalysed[i]); !st.ok()) return st;
  }
  std::set<std::string> outlets;
  std::string first, last;
  for (size_t i = 0; i < r.articles.size(); ++i) {
    const AnalyzedArticle& a = r.articles[i];
    const std::string inferred = a.published_inferred ? a.article.published : "";
    if (inferred != r.old_inferred[i]) {  // (a new row holds "": most need no update)
      upd.Bind(1, inferred);
      upd.Bind(2, r.rowids[i]);
      if (Status st = upd.Run(); !st.ok()) return st;
    }
    if (fresh.count(r.rowids[i]) || inferred != r.old_inferred[i]) {
      if (Status st = WriteMentions(db, r.rowids[i], a, parser); !st.ok()) return st;
    }
    outlets.insert(a.article.outlet.empty() ? a.article.id : a.article.outlet);
    const std::string day = a.article.published.substr(0, 10);
    if (day.empty()) continue;
    if (first.empty() || day < first) first = day;
    if (last.empty() || day > last) last = day;
  }

  if (Status st = DeleteStoryRows(db, story); !st.ok()) return st;
  simdjson::dom::element doc;
  if (parser.parse(report).get(doc)) return ParseError("the story report");
  std::vector<std::string> types;
  if (Status st = WriteEvents(db, story, doc, types); !st.ok()) return st;

  std::vector<std::string> entities = EntitiesByArticles(r.articles);
  RowBatch ent(db, "INSERT INTO story_entities (name, story) VALUES", 2);
  for (const std::string& name : entities) {
    ent.Text(name);
    ent.Int(static_cast<int64_t>(story));
    if (Status st = ent.EndRow(); !st.ok()) return st;
  }
  if (Status st = ent.Flush(); !st.ok()) return st;
  if (entities.size() > kTopEntities) entities.resize(kTopEntities);

  // What this rebuild changed, for the event stream, against the report it replaces.
  if (Status st = LogStoryChanges(db, story, r.old_report, report); !st.ok()) return st;

  Stmt put = db.Prepare(
      "INSERT INTO stories (id, headline, articles, outlets, first_published, last_published, "
      "event_types, entities, report, storyline, link) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
      "ON CONFLICT (id) DO UPDATE SET headline = excluded.headline, articles = excluded.articles, "
      "outlets = excluded.outlets, first_published = excluded.first_published, last_published = "
      "excluded.last_published, event_types = excluded.event_types, entities = excluded.entities, "
      "report = excluded.report, storyline = excluded.storyline, link = excluded.link");
  put.Bind(1, static_cast<int64_t>(story));
  put.Bind(2, r.analysed.headline);
  put.Bind(3, static_cast<int64_t>(r.articles.size()));
  put.Bind(4, static_cast<int64_t>(outlets.size()));
  put.Bind(5, first);
  put.Bind(6, last);
  put.Bind(7, JsonArray(types));
  put.Bind(8, JsonArray(entities));
  put.Bind(9, report);
  put.Bind(10, static_cast<int64_t>(r.info.storyline));
  put.Bind(11, r.link);
  return put.Run();
}

}  // namespace corroborate::store
