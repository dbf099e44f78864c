// The readable story report (see report_text.h).
#include "pipeline/report_text.h"

#include <cstdio>
#include <map>

namespace corroborate {
namespace {

std::string Money(const Quantity& q) {
  char buf[64];
  double v = q.value;
  const char* scale = "";
  if (v >= 1e12) { v /= 1e12; scale = " trillion"; }
  else if (v >= 1e9) { v /= 1e9; scale = " billion"; }
  else if (v >= 1e6) { v /= 1e6; scale = " million"; }
  std::snprintf(buf, sizeof buf, "%.4g%s", v, scale);
  std::string s = buf;
  if (q.kind == QuantityKind::kMoney && q.currency[0]) s = std::string(q.currency) + " " + s;
  if (q.kind == QuantityKind::kPercent) s += "%";
  if (q.qualifier == Qualifier::kUpTo) s = "up to " + s;
  else if (q.qualifier == Qualifier::kAbout) s = "about " + s;
  else if (q.qualifier == Qualifier::kMoreThan || q.qualifier == Qualifier::kAtLeast) s = "over " + s;
  return s;
}

std::string Show(const RoleValue& v) { return v.kind == RoleValue::Kind::kQuantity ? Money(v.quantity) : v.text; }

}  // namespace

std::string FormatAnalyzeText(const AnalyzeResult& r) {
  std::map<std::string, std::string> label;  // article id → short label
  std::string out;
  out += "Corroborate: " + std::to_string(r.articles.size()) + " article(s), " + std::to_string(r.stories.size()) +
         " stor" + (r.stories.size() == 1 ? "y" : "ies") + "\n\nArticles\n";
  for (size_t i = 0; i < r.articles.size(); ++i) {
    const AnalyzedArticle& a = r.articles[i];
    std::string l = "[" + std::to_string(i + 1) + "]";
    label[a.article.id] = l;
    out += "  " + l + " " + a.article.id;
    if (!a.article.outlet.empty()) out += " — " + a.article.outlet;
    out += ", " + (a.article.published.empty() ? std::string("date unknown") : a.article.published.substr(0, 10));
    if (a.published_inferred) out += " (inferred from the story)";
    if (!a.duplicate_of.empty()) out += ", reprints " + a.duplicate_of;
    out += "\n";
  }
  auto sources = [&](const std::vector<std::string>& ids) {
    std::string s;
    for (const std::string& id : ids) s += (s.empty() ? "" : " ") + label[id];
    return s;
  };
  for (const AnalyzedStory& s : r.stories) {
    out += "\nStory " + s.id + ": " + s.headline + "\n  articles: " + sources([&] {
      std::vector<std::string> ids;
      for (size_t i : s.articles) ids.push_back(r.articles[i].article.id);
      return ids;
    }()) + "\n\n  Events\n";
    for (const StoryEvent& se : s.report.events) {
      const Event& e = se.event;
      out += "  " + se.id + " " + EventTypeName(e.type) + " (" + EventStatusName(e.status);
      if (e.stage != TalkStage::kNone) out += std::string(", ") + TalkStageName(e.stage);
      out += ")";
      for (const Role& role : e.roles) {
        if (role.name == "weekday") continue;
        out += "  " + role.name + ": " + Show(role.value);
      }
      if (e.cumulative) out += "  (running total)";
      out += "\n      sources " + sources(se.sources);
      out += se.outlets <= 1 ? "  — single source\n" : "  — " + std::to_string(se.outlets) + " outlets\n";
    }
    out += "\n  Conflicts\n";
    if (s.report.conflicts.empty()) out += "  none\n";
    for (const Conflict& c : s.report.conflicts) {
      out += "  " + c.event + " " + c.role + ":";
      for (const SourcedValue& v : c.values) {
        out += "  " + (v.raw.kind == RoleValue::Kind::kQuantity ? Money(v.raw.quantity) : v.value) + " (" +
               sources(v.sources) + ")";
      }
      out += "\n";
    }
    out += "\n  Attribution warnings\n";
    if (s.report.attribution_issues.empty()) out += "  none\n";
    for (const AttributionIssue& i : s.report.attribution_issues) out += "  " + i.kind + ": " + i.detail + "\n";
  }
  return out;
}

}  // namespace corroborate
