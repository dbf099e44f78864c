// Organisations of a sentence and the resolution of stand-ins (see orgs.h). Tested in
// events_test.cc.
#include "events/orgs.h"

#include <map>

#include "events/lexicon.h"

namespace corroborate::events {
namespace {

bool IsPrep(std::string_view w) {
  return w == "in" || w == "into" || w == "of" || w == "for" || w == "from" || w == "with" || w == "by" ||
         w == "at" || w == "to" || w == "than" || w == "against" || w == "including" || w == "like" ||
         w == "as" || w == "on" || w == "and";
}

bool SameGroup(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  if (a == b) return true;
  auto first = [](const std::string& s) { return s.substr(0, s.find(' ')); };
  return first(a) == first(b);
}

}  // namespace

OrgResolver::OrgResolver(const Article& article, const Mentions& mentions, const ArticleWords& words)
    : article_(article), mentions_(mentions), words_(words) {
  std::map<std::string, int> counts;
  for (uint32_t s = 0; s < article.sentences.size(); ++s) {
    for (const OrgRef& o : Raw(s)) {
      if (!o.reporter) ++counts[o.name];
    }
  }
  int best = 0;
  for (const auto& [name, n] : counts) {
    if (n > best) { best = n; salient_ = name; }
  }
}

std::vector<OrgRef> OrgResolver::Raw(uint32_t s) const {
  std::vector<OrgRef> out;
  const auto& w = words_.words;
  const EventLexicon& lex = EventLexicon::Get();
  uint32_t b = words_.sentence_begin[s], e = words_.sentence_begin[s + 1];
  // A sentence in title case (a headline) makes every word look like a name: only listed
  // entities count there.
  size_t caps = 0;
  for (uint32_t i = b; i < e; ++i) caps += w[i].capitalized;
  bool title_case = e > b + 3 && caps * 10 > (e - b) * 6;
  for (uint32_t i = b; i < e;) {
    OrgRef o;
    if (w[i].entity >= 0) {
      const EntityMention& m = mentions_.entities.mentions[w[i].entity];
      uint32_t j = i;
      while (j < e && w[j].entity == w[i].entity) ++j;
      if (mentions_.entities.entities[m.entity].type != EntityType::kOrg) { i = j; continue; }
      o.name = mentions_.entities.entities[m.entity].canonical;
      o.w0 = i; o.w1 = j;
    } else if (w[i].capitalized && w[i].quantity < 0 && w[i].date < 0 && !title_case &&
               lex.WordClass(w[i].lower) != "notname" && lex.WordClass(w[i].lower) != "nominal") {
      // A capitalised run the entity list does not know: a name when it is not the sentence's
      // first word, or is written like a brand ("DataCorp").
      uint32_t j = i;
      bool camel = false;
      while (j < e && w[j].capitalized && w[j].entity < 0 && w[j].quantity < 0 && w[j].date < 0 &&
             lex.WordClass(w[j].lower) != "notname" && (j == i || (!w[j].comma_before && !w[j].clause_before))) {
        camel |= w[j].camel;
        ++j;
      }
      if (j == i) { ++i; continue; }
      if (i == b && !camel && j - i < 2) { i = j; continue; }
      for (uint32_t k = i; k < j; ++k) {
        if (k > i) o.name += ' ';
        o.name += article_.text.substr(w[k].start, w[k].end - w[k].start);
      }
      o.w0 = i; o.w1 = j;
    } else {
      ++i;
      continue;
    }
    o.possessive = w[o.w1 - 1].possessive;
    if (o.w0 > b && !w[o.w0].comma_before && !w[o.w0].clause_before && IsPrep(w[o.w0 - 1].lower)) o.prep = w[o.w0 - 1].lower;
    if (o.w1 < e && (w[o.w1].lower == "reported" || w[o.w1].lower == "reports")) o.reporter = true;
    if (o.w0 >= b + 2 && w[o.w0 - 1].lower == "to" && w[o.w0 - 2].lower == "according") o.reporter = true;
    if (o.w0 > b && w[o.w0 - 1].lower == "told") o.reporter = true;
    // Adjacent names join: "Acme" + "Cloud Services" is one organisation.
    if (!out.empty() && out.back().w1 == o.w0 && !w[o.w0].comma_before && !w[o.w0].clause_before &&
        !out.back().possessive) {
      out.back().name += " " + o.name;
      out.back().w1 = o.w1;
      out.back().possessive = o.possessive;
      out.back().reporter |= o.reporter;
    } else {
      out.push_back(std::move(o));
    }
    i = out.back().w1;
  }
  return out;
}

std::vector<OrgRef> OrgResolver::SentenceOrgs(uint32_t s) const {
  std::vector<OrgRef> named = Raw(s);
  const auto& w = words_.words;
  const EventLexicon& lex = EventLexicon::Get();
  uint32_t b = words_.sentence_begin[s], e = words_.sentence_begin[s + 1];
  std::vector<OrgRef> out;
  size_t n = 0;
  for (uint32_t i = b; i < e; ++i) {
    if (n < named.size() && named[n].w0 <= i) {
      i = named[n].w1 - 1;
      out.push_back(named[n++]);
      continue;
    }
    OrgRef o;
    std::string_view cls = lex.WordClass(w[i].lower);
    if (cls == "pronoun" && (w[i].lower == "its" || w[i].lower == "it")) {
      o.w0 = i; o.w1 = i + 1;
      o.possessive = w[i].lower == "its";
    } else if (w[i].lower == "the") {
      // "the company", "the tech giant", "the AI research lab": up to three words, then a head noun.
      uint32_t j = i + 1;
      while (j < e && j <= i + 4 && lex.WordClass(w[j].lower) != "nominal" && !w[j].comma_before &&
             !w[j].clause_before && w[j].entity < 0 && w[j].quantity < 0)
        ++j;
      if (j >= e || j > i + 4 || lex.WordClass(w[j].lower) != "nominal" || w[j].comma_before) continue;
      o.w0 = i; o.w1 = j + 1;
      o.possessive = w[j].possessive;
    } else {
      continue;
    }
    o.stand_in = true;
    if (o.w0 > b && IsPrep(w[o.w0 - 1].lower)) o.prep = w[o.w0 - 1].lower;
    o.name = Resolve(s, o.w0, "");
    if (o.name.empty()) continue;
    i = o.w1 - 1;
    out.push_back(std::move(o));
  }
  while (n < named.size()) out.push_back(named[n++]);
  return out;
}

std::string OrgResolver::Resolve(uint32_t s, uint32_t before_word, const std::string& exclude) const {
  const auto& w = words_.words;
  auto score_window = [&](uint32_t from, uint32_t to_incl, std::map<std::string, double>& score) {
    double order = 0;
    for (uint32_t k = from; k <= to_incl; ++k) {
      for (const OrgRef& o : Raw(k)) {
        if (k == s && o.w0 >= before_word) continue;
        if (o.reporter || SameGroup(o.name, exclude)) continue;
        order += 0.01;
        score[o.name] += (o.possessive || !o.prep.empty() ? 0.5 : 1.0) + order;
      }
    }
  };
  std::map<std::string, double> score;
  uint32_t para = before_word < w.size() ? w[before_word].paragraph : 0;
  uint32_t from = s;
  while (from > 0 && s - from < 3) {
    uint32_t fb = words_.sentence_begin[from - 1];
    if (fb >= w.size() || w[fb].paragraph != para) break;
    --from;
  }
  score_window(from, s, score);
  if (score.empty() && from > 0) score_window(from >= 2 ? from - 2 : 0, from - 1, score);
  std::string best;
  double top = 0;
  for (const auto& [name, v] : score) {
    if (v > top) { top = v; best = name; }
  }
  if (best.empty() && !SameGroup(salient_, exclude)) best = salient_;
  return best;
}

}  // namespace corroborate::events
