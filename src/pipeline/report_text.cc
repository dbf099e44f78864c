// The readable story report (see report_text.h).
#include "pipeline/report_text.h"

#include <cmath>
#include <cstdio>
#include <map>

namespace corroborate {
namespace {

// "16,000", "239.3", "50 billion": as people write figures, never in exponent form.
std::string Readable(double v) {
  const char* scale = "";
  double a = std::fabs(v);
  if (a >= 1e12) { v /= 1e12; scale = " trillion"; }
  else if (a >= 1e9) { v /= 1e9; scale = " billion"; }
  else if (a >= 1e6) { v /= 1e6; scale = " million"; }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  // Thousands separators in the whole part.
  size_t dot = s.find('.');
  size_t end = dot == std::string::npos ? s.size() : dot;
  size_t begin = s[0] == '-' ? 1 : 0;
  for (size_t i = end; i > begin + 3; i -= 3) s.insert(i - 3, ",");
  return s + scale;
}

std::string Money(const Quantity& q) {
  std::string s = Readable(q.value);
  if (q.qualifier == Qualifier::kRange) s += " to " + Readable(q.value_max);
  if (q.kind == QuantityKind::kMoney && q.currency[0]) s = std::string(q.currency) + " " + s;
  if (q.kind == QuantityKind::kPercent) s += "%";
  switch (q.qualifier) {
    case Qualifier::kUpTo: return "up to " + s;
    case Qualifier::kAbout: return "about " + s;
    case Qualifier::kMoreThan: return "more than " + s;
    case Qualifier::kAtLeast: return "at least " + s;
    case Qualifier::kLessThan: return "less than " + s;
    default: return s;
  }
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
      out += "  — " + std::to_string(se.outlets) + (se.outlets == 1 ? " outlet" : " outlets");
      if (se.origins.size() <= 1) {
        out += ", single source";
      } else {
        out += ", " + std::to_string(se.origins.size()) + " independent (";
        for (size_t i = 0; i < se.origins.size(); ++i) out += (i ? ", " : "") + se.origins[i];
        out += ")";
      }
      if (e.cumulative) out += "  (running total)";
      out += "\n      sources " + sources(se.sources) + "\n";
      for (const Role& role : e.roles) {
        if (role.name == "weekday") continue;
        out += "      " + role.name + ": " + Show(role.value);
        if (const RoleSupport* sup = se.Support(role.name)) {
          out += "  stated by " + sources(sup->sources);
          if (sup->independent <= 1) out += " (single source)";
          std::string cites;
          for (const ValueClaim& c : sup->claims) {
            if (!c.value.cited.origin.empty()) cites += (cites.empty() ? "" : ", ") + label[c.article] + " citing " + c.value.cited.origin;
          }
          if (!cites.empty()) out += "; " + cites;
        }
        out += "\n";
      }
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
