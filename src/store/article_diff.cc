// Version comparison (see article_diff.h). Tested in live_store_test.cc and tests/watch.
#include "store/article_diff.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "core/json_writer.h"

namespace corroborate::store {
namespace {

std::string Slice(const Article& a, Span s) {
  if (s.end <= s.start || s.end > a.text.size()) return "";
  return a.text.substr(s.start, s.end - s.start);
}

// A role's value as one comparable string: the name, the ISO date, or the number with its unit
// and qualifier ("USD 50000000000 up_to").
std::string ValueString(const RoleValue& v) {
  switch (v.kind) {
    case RoleValue::Kind::kQuantity: {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.15g", v.quantity.value);
      std::string s = buf;
      if (v.quantity.qualifier == Qualifier::kRange) {
        std::snprintf(buf, sizeof buf, "-%.15g", v.quantity.value_max);
        s += buf;
      }
      if (v.quantity.currency[0] != 0) s = std::string(v.quantity.currency) + " " + s;
      if (v.quantity.kind == QuantityKind::kPercent) s += "%";
      if (v.quantity.qualifier != Qualifier::kExact && v.quantity.qualifier != Qualifier::kRange) {
        s += std::string(" ") + QualifierName(v.quantity.qualifier);
      }
      return s;
    }
    case RoleValue::Kind::kDate:
      return DateValue(v.date);
    default:
      return v.text;
  }
}

// An event is the same in both versions when its type and the entities in its key roles are.
std::string EventKey(const Event& e, std::vector<std::string>& parties) {
  std::string key = EventTypeName(e.type);
  for (const std::string& role : KeyRoles(e.type)) {
    for (const Role& r : e.roles) {
      if (r.name == role && r.value.kind == RoleValue::Kind::kEntity) {
        key += "|" + r.value.text;
        parties.push_back(r.value.text);
      }
    }
  }
  return key;
}

void WriteValue(JsonWriter& w, const Article& a, const RoleValue& v) {
  w.BeginObject();
  w.Key("value"); w.String(ValueString(v));
  w.Key("text"); w.String(Slice(a, v.span));
  w.EndObject();
}

void WriteEvent(JsonWriter& w, const char* kind, const Article& a, const Event& e, const std::vector<std::string>& parties) {
  w.BeginObject();
  w.Key("kind"); w.String(kind);
  w.Key("event"); w.String(EventTypeName(e.type));
  w.Key("parties");
  w.BeginArray();
  for (const std::string& p : parties) w.String(p);
  w.EndArray();
  if (const char* primary = PrimaryRole(e.type); *primary != '\0') {
    if (const RoleValue* v = e.Find(primary)) {
      w.Key("role"); w.String(primary);
      w.Key("value");
      WriteValue(w, a, *v);
    }
  }
  w.EndObject();
}

std::set<std::string> Words(std::string_view s) {
  std::set<std::string> out;
  std::string word;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80)) {
      word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!word.empty()) {
      out.insert(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) out.insert(word);
  return out;
}

// Share of words two quotes have in common (Jaccard): a rewording keeps most of them.
double Overlap(std::string_view a, std::string_view b) {
  const std::set<std::string> x = Words(a), y = Words(b);
  if (x.empty() || y.empty()) return 0;
  size_t common = 0;
  for (const std::string& w : x) common += y.count(w);
  return static_cast<double>(common) / static_cast<double>(x.size() + y.size() - common);
}
constexpr double kRewordedOverlap = 0.4;

std::vector<std::string> Paragraphs(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") != std::string::npos) out.push_back(line);
  }
  return out;
}

}  // namespace

std::string ArticleChangesJson(const AnalyzedArticle& before, const AnalyzedArticle& after) {
  const Article& a0 = before.article;
  const Article& a1 = after.article;
  JsonWriter w;
  w.BeginArray();
  if (a0.title != a1.title) {
    w.BeginObject();
    w.Key("kind"); w.String("headline");
    w.Key("before"); w.String(a0.title);
    w.Key("after"); w.String(a1.title);
    w.EndObject();
  }

  // Events: matched by key in order; the roles of a matched pair compared value by value.
  std::multimap<std::string, size_t> after_by_key;
  std::vector<std::vector<std::string>> after_parties(after.events.size());
  for (size_t i = 0; i < after.events.size(); ++i) after_by_key.emplace(EventKey(after.events[i], after_parties[i]), i);
  std::vector<bool> after_matched(after.events.size(), false);
  for (const Event& e : before.events) {
    std::vector<std::string> parties;
    const std::string key = EventKey(e, parties);
    auto it = after_by_key.find(key);
    if (it == after_by_key.end()) {
      WriteEvent(w, "event_removed", a0, e, parties);
      continue;
    }
    const Event& f = after.events[it->second];
    after_matched[it->second] = true;
    after_by_key.erase(it);
    std::set<std::string> roles;
    for (const Role& r : e.roles) roles.insert(r.name);
    for (const Role& r : f.roles) roles.insert(r.name);
    for (const std::string& role : roles) {
      if (role == "weekday") continue;  // a hint for date inference, never shown (report_json.cc)
      const RoleValue* x = e.Find(role);
      const RoleValue* y = f.Find(role);
      if (x && y && ValueString(*x) == ValueString(*y)) continue;
      if ((x && x->kind == RoleValue::Kind::kEntity && std::find(parties.begin(), parties.end(), x->text) != parties.end())) continue;
      w.BeginObject();
      w.Key("kind"); w.String("value");
      w.Key("event"); w.String(EventTypeName(e.type));
      w.Key("parties");
      w.BeginArray();
      for (const std::string& p : parties) w.String(p);
      w.EndArray();
      w.Key("role"); w.String(role);
      w.Key("before");
      if (x) WriteValue(w, a0, *x); else w.Null();
      w.Key("after");
      if (y) WriteValue(w, a1, *y); else w.Null();
      w.EndObject();
    }
  }
  for (size_t i = 0; i < after.events.size(); ++i) {
    if (!after_matched[i]) WriteEvent(w, "event_added", a1, after.events[i], after_parties[i]);
  }

  // Quotes: the same words are the same quote; what is left is reworded (same speaker, most words
  // kept), removed or added.
  const auto& q0 = before.mentions.entities.quotes;
  const auto& q1 = after.mentions.entities.quotes;
  std::vector<std::string> t0, t1;
  for (const QuoteMention& q : q0) t0.push_back(Slice(a0, Span{q.start, q.end}));
  for (const QuoteMention& q : q1) t1.push_back(Slice(a1, Span{q.start, q.end}));
  std::vector<bool> used0(q0.size(), false), used1(q1.size(), false);
  for (size_t i = 0; i < q0.size(); ++i) {
    for (size_t j = 0; j < q1.size(); ++j) {
      if (!used1[j] && t0[i] == t1[j]) {
        used0[i] = used1[j] = true;
        break;
      }
    }
  }
  auto quote = [&](const char* kind, const QuoteMention& q, const std::string* was, const std::string* now) {
    w.BeginObject();
    w.Key("kind"); w.String(kind);
    w.Key("speaker"); w.StringOrNull(q.speaker_name);
    if (was) { w.Key("before"); w.String(*was); }
    if (now) { w.Key("after"); w.String(*now); }
    w.EndObject();
  };
  for (size_t i = 0; i < q0.size(); ++i) {
    if (used0[i]) continue;
    size_t best = q1.size();
    double best_overlap = kRewordedOverlap;
    for (size_t j = 0; j < q1.size(); ++j) {
      if (used1[j] || q1[j].speaker_name != q0[i].speaker_name) continue;
      const double o = Overlap(t0[i], t1[j]);
      if (o >= best_overlap) {
        best_overlap = o;
        best = j;
      }
    }
    if (best < q1.size()) {
      used1[best] = true;
      quote("quote_reworded", q0[i], &t0[i], &t1[best]);
    } else {
      quote("quote_removed", q0[i], &t0[i], nullptr);
    }
  }
  for (size_t j = 0; j < q1.size(); ++j) {
    if (!used1[j]) quote("quote_added", q1[j], nullptr, &t1[j]);
  }

  // Paragraphs, as lines of the cleaned text: how much of the wording changed at all.
  const std::vector<std::string> p0 = Paragraphs(a0.text), p1 = Paragraphs(a1.text);
  const std::multiset<std::string> s0(p0.begin(), p0.end()), s1(p1.begin(), p1.end());
  size_t removed = 0, added = 0;
  for (const std::string& p : s0) removed += s1.count(p) == 0;
  for (const std::string& p : s1) added += s0.count(p) == 0;
  if (removed + added > 0) {
    w.BeginObject();
    w.Key("kind"); w.String("text");
    w.Key("paragraphs_removed"); w.Int(static_cast<int64_t>(removed));
    w.Key("paragraphs_added"); w.Int(static_cast<int64_t>(added));
    w.EndObject();
  }
  w.EndArray();
  return w.str();
}

}  // namespace corroborate::store
