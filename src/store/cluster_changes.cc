// Explanations, merges, moves and their history in the store (see cluster_changes.h). Tested in
// store_test.cc.
#include "store/cluster_changes.h"

#include "cluster/features.h"
#include "core/json_writer.h"

namespace corroborate::store {
namespace {

const char* KindName(cluster::TermKind kind) {
  switch (kind) {
    case cluster::TermKind::kWord: return "word";
    case cluster::TermKind::kName: return "name";
    case cluster::TermKind::kDate: return "date";
    case cluster::TermKind::kNumber: return "figure";
  }
  return "word";
}

void WriteShared(JsonWriter& w, const std::vector<cluster::Shared>& shared, const std::vector<std::string>& labels) {
  w.BeginArray();
  for (size_t i = 0; i < shared.size(); ++i) {
    if (i >= labels.size() || labels[i].empty()) continue;
    w.BeginObject();
    w.Key("term"); w.String(labels[i]);
    w.Key("kind"); w.String(KindName(cluster::KindOf(shared[i].key)));
    w.Key("share"); w.Double(double(int(shared[i].share * 1000 + 0.5)) / 1000);
    w.EndObject();
  }
  w.EndArray();
}

double Round3(double x) { return double(int64_t(x * 1000 + 0.5)) / 1000; }

const char* ChangeKind(cluster::Change::Kind k) {
  switch (k) {
    case cluster::Change::Kind::kStoryMerged: return "story_merged";
    case cluster::Change::Kind::kArticleMoved: return "article_moved";
    case cluster::Change::Kind::kStorylineMerged: return "storyline_merged";
  }
  return "";
}

}  // namespace

std::string SharedTermsJson(const std::vector<cluster::Shared>& shared, const std::vector<std::string>& labels) {
  JsonWriter w;
  WriteShared(w, shared, labels);
  return w.str();
}

std::vector<std::string> LabelFromArticles(const std::vector<AnalyzedArticle>& articles,
                                           const std::vector<cluster::Shared>& shared) {
  std::vector<std::string> labels(shared.size());
  std::vector<uint64_t> missing;
  std::vector<size_t> where;
  for (const AnalyzedArticle& a : articles) {
    missing.clear();
    where.clear();
    for (size_t i = 0; i < shared.size(); ++i) {
      if (labels[i].empty()) {
        missing.push_back(shared[i].key);
        where.push_back(i);
      }
    }
    if (missing.empty()) break;
    const std::vector<std::string> found = cluster::LabelTerms(a.article, a.mentions, missing);
    for (size_t k = 0; k < found.size(); ++k) labels[where[k]] = found[k];
  }
  return labels;
}

namespace {

std::string WhyJsonLabelled(const cluster::Assignment& as, const std::vector<std::string>& labels) {
  JsonWriter w;
  w.BeginObject();
  w.Key("story"); w.String(cluster::StoryName(as.story));
  w.Key("opened"); w.Bool(as.opened);
  w.Key("similarity"); w.Double(Round3(as.similarity));
  w.Key("shared"); WriteShared(w, as.shared, labels);
  w.Key("closest");
  if (as.closest == 0) {
    w.Null();
  } else {
    w.BeginObject();
    w.Key("story"); w.String(cluster::StoryName(as.closest));
    w.Key("similarity"); w.Double(Round3(as.closest_similarity));
    w.EndObject();
  }
  w.Key("duplicate_of"); w.StringOrNull(as.duplicate_of);
  w.EndObject();
  return w.str();
}

}  // namespace

std::string WhyJson(const cluster::Assignment& as, const AnalyzedArticle& a) {
  std::vector<uint64_t> keys;
  for (const cluster::Shared& s : as.shared) keys.push_back(s.key);
  return WhyJsonLabelled(as, cluster::LabelTerms(a.article, a.mentions, keys));
}

std::string WhyJson(const cluster::Assignment& as, const AnalyzedArticle&, const cluster::TermLabels& labels) {
  std::vector<std::string> out;
  out.reserve(as.shared.size());
  for (const cluster::Shared& s : as.shared) {
    auto it = labels.find(s.key);
    out.push_back(it == labels.end() ? std::string() : it->second);
  }
  return WhyJsonLabelled(as, out);
}

std::string MovedWhyJson(const cluster::Change& c, const std::vector<std::string>& labels) {
  JsonWriter w;
  w.BeginObject();
  w.Key("story"); w.String(cluster::StoryName(c.to));
  w.Key("opened"); w.Bool(false);
  w.Key("moved_from"); w.String(cluster::StoryName(c.from));
  w.Key("similarity"); w.Double(Round3(c.similarity));
  w.Key("shared"); WriteShared(w, c.shared, labels);
  w.Key("closest"); w.Null();
  w.Key("duplicate_of"); w.Null();
  w.EndObject();
  return w.str();
}

std::string LinkJson(const cluster::StoryInfo& info, const std::vector<std::string>& labels) {
  JsonWriter w;
  w.BeginObject();
  w.Key("storyline"); w.String(cluster::StorylineName(info.storyline));
  w.Key("joined"); w.Bool(info.link.joined != 0);
  w.Key("similarity"); w.Double(Round3(info.link.similarity));
  w.Key("shared"); WriteShared(w, info.link.shared, labels);
  w.Key("closest");
  if (info.link.closest == 0) {
    w.Null();
  } else {
    w.BeginObject();
    w.Key("storyline"); w.String(cluster::StorylineName(info.link.closest));
    w.Key("similarity"); w.Double(Round3(info.link.closest_similarity));
    w.EndObject();
  }
  w.EndObject();
  return w.str();
}

Status DeleteStoryRows(Db& db, uint32_t story) {
  for (const char* table : {"events", "event_roles", "event_sources", "evidence", "claims", "story_entities"}) {
    Stmt del = db.Prepare(std::string("DELETE FROM ") + table + " WHERE story = ?1");
    del.Bind(1, static_cast<int64_t>(story));
    if (Status s = del.Run(); !s.ok()) return s;
  }
  return Status::Ok();
}

Status DeleteStory(Db& db, uint32_t story) {
  if (Status s = DeleteStoryRows(db, story); !s.ok()) return s;
  Stmt del = db.Prepare("DELETE FROM stories WHERE id = ?1");
  del.Bind(1, static_cast<int64_t>(story));
  return del.Run();
}

Status ApplyChange(Db& db, const cluster::Change& c, int64_t at_rowid, const std::string& shared_json,
                   const std::string& moved_why, std::set<uint32_t>& touched, std::set<uint32_t>& gone) {
  switch (c.kind) {
    case cluster::Change::Kind::kStoryMerged: {
      Stmt move = db.Prepare("UPDATE articles SET story = ?1 WHERE story = ?2");
      move.Bind(1, static_cast<int64_t>(c.to));
      move.Bind(2, static_cast<int64_t>(c.from));
      if (Status s = move.Run(); !s.ok()) return s;
      // Its articles' corrections go with them (the change log keeps what it said then).
      Stmt corrections = db.Prepare("UPDATE corrections SET story = ?1 WHERE story = ?2");
      corrections.Bind(1, static_cast<int64_t>(c.to));
      corrections.Bind(2, static_cast<int64_t>(c.from));
      if (Status s = corrections.Run(); !s.ok()) return s;
      if (Status s = DeleteStory(db, c.from); !s.ok()) return s;
      touched.erase(c.from);
      gone.insert(c.from);
      touched.insert(c.to);
      break;
    }
    case cluster::Change::Kind::kArticleMoved: {
      Stmt move = db.Prepare("UPDATE articles SET story = ?1, why = ?2 WHERE id = ?3");
      move.Bind(1, static_cast<int64_t>(c.to));
      move.Bind(2, moved_why);
      move.Bind(3, c.article_id);
      if (Status s = move.Run(); !s.ok()) return s;
      Stmt corrections = db.Prepare(
          "UPDATE corrections SET story = ?1 WHERE article = (SELECT rowid FROM articles WHERE id = ?2)");
      corrections.Bind(1, static_cast<int64_t>(c.to));
      corrections.Bind(2, c.article_id);
      if (Status s = corrections.Run(); !s.ok()) return s;
      touched.insert(c.from);
      touched.insert(c.to);
      break;
    }
    case cluster::Change::Kind::kStorylineMerged: {
      Stmt rename = db.Prepare("UPDATE stories SET storyline = ?1 WHERE storyline = ?2");
      rename.Bind(1, static_cast<int64_t>(c.to));
      rename.Bind(2, static_cast<int64_t>(c.from));
      if (Status s = rename.Run(); !s.ok()) return s;
      break;
    }
  }
  Stmt h = db.Prepare(
      "INSERT INTO cluster_history (at_article, kind, from_id, to_id, article, similarity, shared) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  h.Bind(1, at_rowid);
  h.Bind(2, std::string_view(ChangeKind(c.kind)));
  h.Bind(3, static_cast<int64_t>(c.from));
  h.Bind(4, static_cast<int64_t>(c.to));
  h.Bind(5, c.article_id);
  h.BindDouble(6, Round3(c.similarity));
  h.Bind(7, shared_json);
  return h.Run();
}

}  // namespace corroborate::store
