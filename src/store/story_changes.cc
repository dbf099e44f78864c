// Story report comparison for the change log (see story_changes.h). Tested in live_store_test.cc and tests/watch.
#include "store/story_changes.h"

#include <simdjson.h>

#include <map>
#include <set>
#include <vector>

#include "cluster/story_clusterer.h"
#include "core/json_writer.h"
#include "events/event.h"

namespace corroborate::store {
namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

std::string Text(element e) {
  std::string_view s;
  if (e.get(s) == simdjson::SUCCESS) return std::string(s);
  return simdjson::minify(e);
}

// One event of a report, known across reports by its type and the entities of its key roles
// (event ids are positions and move when an event sorts in before).
struct EventView {
  std::string id, type, status, key;
  std::vector<std::string> parties;
  std::map<std::string, std::string> values;  // role → its value as JSON
  std::set<std::string> sources;
  element roles;
};


struct StoryView {
  std::string headline;
  std::set<std::string> articles, outlets;
  std::vector<EventView> events;
  std::map<std::string, std::string> conflicts;  // event key|role → its values, minified
  std::map<std::string, element> conflict_json;
};

bool Read(element report, StoryView& v) {
  object story;
  if (report["stories"].at(0).get(story) != simdjson::SUCCESS) return false;
  std::string_view headline;
  if (story["headline"].get(headline) == simdjson::SUCCESS) v.headline = std::string(headline);
  array articles;
  if (report["articles"].get(articles) == simdjson::SUCCESS) {
    for (element a : articles) {
      std::string_view id, outlet;
      if (a["id"].get(id) != simdjson::SUCCESS) continue;
      v.articles.insert(std::string(id));
      v.outlets.insert(a["outlet"].get(outlet) == simdjson::SUCCESS ? std::string(outlet) : std::string(id));
    }
  }
  std::map<std::string, std::string> key_of;
  array events;
  if (story["events"].get(events) == simdjson::SUCCESS) {
    for (element e : events) {
      EventView ev;
      std::string_view id, type, status;
      if (e["id"].get(id) || e["type"].get(type) || e["roles"].get(ev.roles)) continue;
      ev.id = std::string(id);
      ev.type = std::string(type);
      if (e["status"].get(status) == simdjson::SUCCESS) ev.status = std::string(status);
      object roles;
      if (ev.roles.get(roles) != simdjson::SUCCESS) continue;
      std::map<std::string, std::string> plain;  // role → its value as text (names unquoted)
      for (auto field : roles) {
        element value;
        if (field.value["value"].get(value) != simdjson::SUCCESS) continue;
        ev.values[std::string(field.key)] = simdjson::minify(value);
        plain[std::string(field.key)] = Text(value);
      }
      ev.key = ev.type;
      EventType t;
      if (ParseEventType(ev.type, &t)) {
        for (const std::string& role : KeyRoles(t)) {
          auto it = plain.find(role);
          if (it == plain.end()) continue;
          ev.key += "|" + it->second;
          ev.parties.push_back(it->second);
        }
      }
      array sources;
      if (e["sources"].get(sources) == simdjson::SUCCESS) {
        for (element s : sources) ev.sources.insert(Text(s));
      }
      key_of[ev.id] = ev.key;
      v.events.push_back(std::move(ev));
    }
  }
  array conflicts;
  if (story["conflicts"].get(conflicts) == simdjson::SUCCESS) {
    for (element c : conflicts) {
      std::string_view event, role;
      element values;
      if (c["event"].get(event) || c["role"].get(role) || c["values"].get(values)) continue;
      const std::string key = key_of[std::string(event)] + "#" + std::string(role);
      v.conflicts[key] = simdjson::minify(values);
      v.conflict_json[key] = c;
    }
  }
  return true;
}

void Entities(JsonWriter& w, const std::vector<std::string>& names) {
  w.Key("entities");
  w.BeginArray();
  for (const std::string& n : names) w.String(n);
  w.EndArray();
}

Status Log(Db& db, uint32_t story, std::string_view kind, const std::string& json) {
  Stmt s = db.Prepare("INSERT INTO changes (story, kind, json) VALUES (?1, ?2, ?3)");
  s.Bind(1, static_cast<int64_t>(story));
  s.Bind(2, kind);
  s.Bind(3, json);
  return s.Run();
}

// Every record opens with its kind and story, so the stream's data line is self-describing.
void Open(JsonWriter& w, std::string_view kind, uint32_t story) {
  w.BeginObject();
  w.Key("kind"); w.String(kind);
  w.Key("story"); w.String(cluster::StoryName(story));
}

}  // namespace

Status LogStoryChanges(Db& db, uint32_t story, std::string_view old_report, std::string_view new_report) {
  simdjson::dom::parser p0, p1;
  StoryView before, after;
  element r0, r1;
  if (p1.parse(new_report).get(r1) != simdjson::SUCCESS || !Read(r1, after)) return Status::Ok();
  const bool is_new = old_report.empty();
  if (!is_new && (p0.parse(old_report).get(r0) != simdjson::SUCCESS || !Read(r0, before))) return Status::Ok();

  std::vector<std::string> story_entities;
  bool changed = false;
  std::map<std::string, const EventView*> old_events;
  for (const EventView& e : before.events) old_events.emplace(e.key, &e);
  for (const EventView& e : after.events) {
    auto it = old_events.find(e.key);
    const EventView* old = it == old_events.end() ? nullptr : it->second;
    std::vector<std::string> roles_changed, sources_added;
    if (old) {
      for (const auto& [role, value] : e.values) {
        auto was = old->values.find(role);
        if (was == old->values.end() || was->second != value) roles_changed.push_back(role);
      }
      for (const std::string& s : e.sources) {
        if (!old->sources.count(s)) sources_added.push_back(s);
      }
      if (roles_changed.empty() && sources_added.empty() && old->status == e.status) continue;
    }
    changed = true;
    for (const std::string& p : e.parties) story_entities.push_back(p);
    JsonWriter w;
    Open(w, "event", story);
    w.Key("change"); w.String(old ? "changed" : "new");
    w.Key("event");
    w.BeginObject();
    w.Key("id"); w.String(e.id);
    w.Key("type"); w.String(e.type);
    w.Key("status"); w.String(e.status);
    w.Key("roles");
    w.BeginObject();
    for (const auto& [role, value] : e.values) {
      w.Key(role);
      w.RawValue(value);
    }
    w.EndObject();
    w.EndObject();
    w.Key("roles_changed");
    w.BeginArray();
    for (const std::string& role : roles_changed) {
      w.BeginObject();
      w.Key("role"); w.String(role);
      auto was = old->values.find(role);
      w.Key("before");
      if (was == old->values.end()) w.Null(); else w.RawValue(was->second);
      w.Key("after"); w.RawValue(e.values.at(role));
      w.EndObject();
    }
    w.EndArray();
    w.Key("sources_added");
    w.BeginArray();
    for (const std::string& s : (old ? sources_added : std::vector<std::string>(e.sources.begin(), e.sources.end()))) w.String(s);
    w.EndArray();
    Entities(w, e.parties);
    w.EndObject();
    if (Status s = Log(db, story, "event", w.str()); !s.ok()) return s;
  }
  for (const auto& [key, values] : after.conflicts) {
    auto it = before.conflicts.find(key);
    if (it != before.conflicts.end() && it->second == values) continue;
    changed = true;
    const size_t hash = key.rfind('#');
    const std::string event_key = key.substr(0, hash);
    std::vector<std::string> parties;
    std::string type, id;
    for (const EventView& e : after.events) {
      if (e.key == event_key) {
        parties = e.parties;
        type = e.type;
        id = e.id;
      }
    }
    for (const std::string& p : parties) story_entities.push_back(p);
    JsonWriter w;
    Open(w, "conflict", story);
    w.Key("change"); w.String(it == before.conflicts.end() ? "new" : "changed");
    w.Key("event"); w.String(id);
    w.Key("type"); w.String(type);
    w.Key("role"); w.String(key.substr(hash + 1));
    w.Key("values"); w.RawValue(values);
    Entities(w, parties);
    w.EndObject();
    if (Status s = Log(db, story, "conflict", w.str()); !s.ok()) return s;
  }
  std::vector<std::string> articles_added, outlets_added;
  for (const std::string& a : after.articles) {
    if (!before.articles.count(a)) articles_added.push_back(a);
  }
  for (const std::string& o : after.outlets) {
    if (!before.outlets.count(o)) outlets_added.push_back(o);
  }
  if (!is_new && !changed && articles_added.empty() && before.headline == after.headline) {
    return Status::Ok();  // rebuilt (a version with the same facts, an inferred date) but nothing to tell
  }
  JsonWriter w;
  Open(w, "story", story);
  w.Key("headline"); w.String(after.headline);
  w.Key("new"); w.Bool(is_new);
  w.Key("articles"); w.Int(static_cast<int64_t>(after.articles.size()));
  w.Key("outlets");
  w.BeginArray();
  for (const std::string& o : after.outlets) w.String(o);
  w.EndArray();
  w.Key("articles_added");
  w.BeginArray();
  for (const std::string& a : articles_added) w.String(a);
  w.EndArray();
  w.Key("outlets_added");
  w.BeginArray();
  for (const std::string& o : outlets_added) w.String(o);
  w.EndArray();
  std::set<std::string> unique(story_entities.begin(), story_entities.end());
  Entities(w, std::vector<std::string>(unique.begin(), unique.end()));
  w.EndObject();
  return Log(db, story, "story", w.str());
}

Status LogCorrection(Db& db, uint32_t story, const std::string& article, int64_t version, const std::string& changes) {
  JsonWriter w;
  Open(w, "correction", story);
  w.Key("article"); w.String(article);
  w.Key("version"); w.Int(version);
  w.Key("changes"); w.RawValue(changes);
  w.Key("entities");
  w.BeginArray();
  w.EndArray();
  w.EndObject();
  return Log(db, story, "correction", w.str());
}

Status PruneChanges(Db& db) {
  return db.Exec("DELETE FROM changes WHERE seq <= (SELECT max(seq) FROM changes) - " + std::to_string(kKeptChanges));
}

}  // namespace corroborate::store
