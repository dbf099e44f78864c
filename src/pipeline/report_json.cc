// JSON rendering of the story report (see report_json.h). Tested in tests/golden (examples-analyze).
#include "pipeline/report_json.h"

#include <algorithm>
#include <map>

#include "core/utf8.h"

namespace corroborate {
namespace {

// The fields of a value, inside an object the caller opened.
void WriteValueFields(const RoleValue& v, JsonWriter& w) {
  switch (v.kind) {
    case RoleValue::Kind::kQuantity:
      w.Key("value"); w.Double(v.quantity.value);
      if (v.quantity.qualifier == Qualifier::kRange) { w.Key("value_max"); w.Double(v.quantity.value_max); }
      if (v.quantity.kind == QuantityKind::kMoney) { w.Key("currency"); w.StringOrNull(v.quantity.currency); }
      w.Key("kind"); w.String(KindName(v.quantity.kind));
      w.Key("qualifier"); w.String(QualifierName(v.quantity.qualifier));
      w.Key("text"); w.String(v.text);
      if (!v.earlier.empty()) {  // a raised offer's earlier values, oldest first
        w.Key("earlier");
        w.BeginArray();
        for (const RoleValue& e : v.earlier) w.Double(e.quantity.value);
        w.EndArray();
      }
      break;
    case RoleValue::Kind::kDate:
      w.Key("value"); w.String(v.text);
      w.Key("grain"); w.String(GrainName(v.date.grain));
      break;
    default:
      w.Key("value"); w.String(v.text);
      break;
  }
}

void WriteStrings(const std::vector<std::string>& v, JsonWriter& w) {
  w.BeginArray();
  for (const std::string& s : v) w.String(s);
  w.EndArray();
}

using Texts = std::map<std::string, const std::string*>;  // article id → its cleaned text

// One article's statement of a value: the words that state it (code points in that article's
// text), its own value and qualifier, and whom it cites. Values taken from context have no words
// and are not written.
void WriteClaim(const ValueClaim& c, const Texts& texts, JsonWriter& w) {
  auto it = texts.find(c.article);
  if (c.text.empty() || it == texts.end()) return;
  const RoleValue& v = c.value;
  w.BeginObject();
  w.Key("article"); w.String(c.article);
  w.Key("start"); w.Int(CodePointOffset(*it->second, v.span.start));
  w.Key("end"); w.Int(CodePointOffset(*it->second, v.span.end));
  w.Key("text"); w.String(c.text);
  if (v.kind == RoleValue::Kind::kQuantity) {
    w.Key("value"); w.Double(v.quantity.value);
    if (v.quantity.qualifier == Qualifier::kRange) { w.Key("value_max"); w.Double(v.quantity.value_max); }
    w.Key("qualifier"); w.String(QualifierName(v.quantity.qualifier));
  } else {
    w.Key("value"); w.String(v.text);
  }
  if (!v.cited.origin.empty()) { w.Key("cited"); w.String(v.cited.origin); }
  w.EndObject();
}

// A settled role: its value, the articles whose own statement agrees with it, and each statement.
void WriteRole(const RoleValue& v, const RoleSupport* support, const Texts& texts, JsonWriter& w) {
  w.BeginObject();
  WriteValueFields(v, w);
  if (support != nullptr) {
    w.Key("sources"); WriteStrings(support->sources, w);
    w.Key("independent_sources"); w.Int(static_cast<int64_t>(support->independent));
    w.Key("single_source"); w.Bool(support->independent <= 1);
    w.Key("claims");
    w.BeginArray();
    for (const ValueClaim& c : support->claims) WriteClaim(c, texts, w);
    w.EndArray();
  }
  w.EndObject();
}

// A conflicting value's statements: each of its sources' own statement of the role (and that
// article's restatements of it, as a settled value lists them), found in the event's per-source
// claims. The status has no words.
void WriteConflictClaims(const Conflict& c, const SourcedValue& v, const std::vector<StoryEvent>& events,
                         const Texts& texts, JsonWriter& w) {
  const StoryEvent* se = nullptr;
  for (const StoryEvent& e : events) {
    if (e.id == c.event) se = &e;
  }
  w.BeginArray();
  for (size_t i = 0; se != nullptr && i < se->sources.size() && i < se->claims.size(); ++i) {
    if (std::find(v.sources.begin(), v.sources.end(), se->sources[i]) == v.sources.end()) continue;
    const RoleValue* own = se->claims[i].Find(c.role);
    auto it = texts.find(se->sources[i]);
    if (own == nullptr || it == texts.end()) continue;
    std::vector<const RoleValue*> statements = {own};
    for (const RoleValue& again : own->restatements) statements.push_back(&again);
    for (const RoleValue* statement : statements) {
      const Span& span = statement->span;
      if (span.end <= span.start || span.end > it->second->size()) continue;  // a value from context
      ValueClaim claim{se->sources[i], *statement, it->second->substr(span.start, span.end - span.start)};
      WriteClaim(claim, texts, w);
    }
  }
  w.EndArray();
}

}  // namespace

uint32_t CodePointOffset(std::string_view text, uint32_t byte) {
  return static_cast<uint32_t>(utf8::CodePointCount(text, std::min<size_t>(byte, text.size())));
}

void WriteAnalyzeJson(const AnalyzeResult& r, JsonWriter& w) {
  std::map<std::string, const AnalyzedArticle*> by_id;
  Texts texts;
  w.BeginObject();
  w.Key("articles");
  w.BeginArray();
  for (const AnalyzedArticle& a : r.articles) {
    by_id[a.article.id] = &a;
    texts[a.article.id] = &a.article.text;
    w.BeginObject();
    w.Key("id"); w.String(a.article.id);
    w.Key("outlet"); w.StringOrNull(a.article.outlet);
    w.Key("title"); w.StringOrNull(a.article.title);
    w.Key("author"); w.StringOrNull(a.article.author);
    w.Key("published"); w.StringOrNull(a.article.published);
    w.Key("published_inferred"); w.Bool(a.published_inferred);
    w.Key("story"); w.String(a.story);
    w.Key("duplicate_of"); w.StringOrNull(a.duplicate_of);
    w.EndObject();
  }
  w.EndArray();
  w.Key("stories");
  w.BeginArray();
  for (const AnalyzedStory& s : r.stories) {
    w.BeginObject();
    w.Key("id"); w.String(s.id);
    if (!s.storyline.empty()) { w.Key("storyline"); w.String(s.storyline); }
    w.Key("headline"); w.String(s.headline);
    w.Key("articles");
    w.BeginArray();
    for (size_t i : s.articles) w.String(r.articles[i].article.id);
    w.EndArray();
    w.Key("events");
    w.BeginArray();
    for (const StoryEvent& se : s.report.events) {
      const Event& e = se.event;
      w.BeginObject();
      w.Key("id"); w.String(se.id);
      w.Key("type"); w.String(EventTypeName(e.type));
      w.Key("status"); w.String(EventStatusName(e.status));
      if (e.stage != TalkStage::kNone) { w.Key("stage"); w.String(TalkStageName(e.stage)); }
      w.Key("roles");
      w.BeginObject();
      for (const Role& role : e.roles) {
        if (role.name == "weekday") continue;
        w.Key(role.name);
        WriteRole(role.value, se.Support(role.name), texts, w);
      }
      if (e.type == EventType::kLayoffs) { w.Key("cumulative"); w.Bool(e.cumulative); }
      w.EndObject();
      w.Key("cumulative"); w.Bool(e.cumulative);
      w.Key("sources"); WriteStrings(se.sources, w);
      w.Key("outlets"); w.Int(static_cast<int64_t>(se.outlets));
      w.Key("independent_sources"); w.Int(static_cast<int64_t>(se.origins.size()));
      w.Key("origins"); WriteStrings(se.origins, w);
      w.Key("single_source"); w.Bool(se.origins.size() <= 1);
      w.Key("evidence");
      w.BeginArray();
      for (const Evidence& ev : se.evidence) {
        const std::string& text = by_id[ev.article]->article.text;
        w.BeginObject();
        w.Key("article"); w.String(ev.article);
        w.Key("start"); w.Int(CodePointOffset(text, ev.span.start));
        w.Key("end"); w.Int(CodePointOffset(text, ev.span.end));
        w.Key("text"); w.String(ev.text);
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.Key("conflicts");
    w.BeginArray();
    for (const Conflict& c : s.report.conflicts) {
      w.BeginObject();
      w.Key("event"); w.String(c.event);
      w.Key("role"); w.String(c.role);
      w.Key("values");
      w.BeginArray();
      for (const SourcedValue& v : c.values) {
        w.BeginObject();
        w.Key("value");
        if (v.raw.kind == RoleValue::Kind::kQuantity) w.Double(v.raw.quantity.value);
        else w.String(v.value);
        w.Key("sources"); WriteStrings(v.sources, w);
        if (c.role != "status") { w.Key("claims"); WriteConflictClaims(c, v, s.report.events, texts, w); }
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.Key("attribution_issues");
    w.BeginArray();
    for (const AttributionIssue& i : s.report.attribution_issues) {
      w.BeginObject();
      w.Key("kind"); w.String(i.kind);
      w.Key("people"); WriteStrings(i.people, w);
      w.Key("sources"); WriteStrings(i.sources, w);
      w.Key("detail"); w.String(i.detail);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

}  // namespace corroborate
