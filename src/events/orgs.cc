// Organisations of a sentence and the resolution of stand-ins (see orgs.h). Tested in
// events_test.cc.
#include "events/orgs.h"

#include <algorithm>
#include <map>

#include "events/lexicon.h"
#include "events/syntax.h"
#include "extract/gazetteer.h"

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

bool NotName(std::string_view cls) { return cls == "notname" || cls == "subordinate"; }

// A place or nationality word ("Korean", "Ruritanian", "Kenya"), not a sentence opener such as
// "Although" that PlaceAdjective also counts as no name.
bool PlaceWord(std::string_view lower) {
  if (IsPreposition(lower) || IsDeterminer(lower) || IsAdverb(lower)) return false;
  static const char* kOpeners[] = {"although", "however", "but", "and", "while", "when", "if", "as", "since",
                                   "because", "though", "meanwhile", "yet", "so", "then", "last", "next", "after",
                                   "before", "whether", "once", "unless"};
  for (const char* o : kOpeners) {
    if (lower == o) return false;
  }
  return PlaceAdjective(lower);
}

std::vector<std::string> Split(const std::string& name) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= name.size()) {
    size_t j = name.find(' ', i);
    if (j == std::string::npos) j = name.size();
    if (j > i) out.push_back(name.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string out;
  extract::AppendLower(out, s);
  return out;
}

}  // namespace

bool MarketPlace(std::string_view name) {
  auto ends = [&](std::string_view tail) {
    return name.size() >= tail.size() && name.substr(name.size() - tail.size()) == tail;
  };
  return ends("Exchange") || ends("Stock Market") || ends("Nasdaq") || ends("NYSE") || name == "Nasdaq" ||
         name == "NYSE" || ends("Bourse");
}

bool PlaceAdjective(std::string_view lower) {
  const extract::Gazetteer& g = extract::Gazetteer::Get();
  if (g.Flags(lower) & extract::kNotName) return true;
  if (lower.size() < 5) return false;
  // Demonyms built on a listed place: "Europe"+"an", "Kenya"+"n", "Canad(a)"+"ian".
  std::string_view stem1 = lower.substr(0, lower.size() - 1);
  std::string_view stem2 = lower.substr(0, lower.size() - 2);
  if (lower.back() == 'n' && (g.Place(stem1) != nullptr || g.Place(stem2) != nullptr)) return true;
  if (lower.size() > 6 && lower.substr(lower.size() - 3) == "ian") {
    std::string a(lower.substr(0, lower.size() - 3));
    if (g.Place(a + "a") != nullptr || g.Place(a) != nullptr) return true;
  }
  return false;
}

OrgResolver::OrgResolver(const Article& article, const Mentions& mentions, const ArticleWords& words)
    : article_(article), mentions_(mentions), words_(words) {
  const extract::Gazetteer& g = extract::Gazetteer::Get();
  // 1. Short forms: every leading part of a longer name, unless the company list knows the part as
  // a company of its own ("Acme" beside "Acme Cloud" stays Acme). Two longer names that neither
  // extends the other make the part ambiguous, and it stays itself.
  std::vector<std::vector<OrgRef>> first(article.sentences.size());
  for (uint32_t s = 0; s < article.sentences.size(); ++s) first[s] = Raw(s);
  std::unordered_map<std::string, std::string> longer;
  for (const auto& sent : first) {
    for (const OrgRef& o : sent) {
      std::vector<std::string> parts = Split(o.name);
      std::string prefix;
      for (size_t k = 0; k + 1 < parts.size(); ++k) {
        prefix += (k ? " " : "") + parts[k];
        auto [it, fresh] = longer.emplace(prefix, o.name);
        std::string& had = it->second;
        if (fresh || had.empty() || had == o.name || had.compare(0, o.name.size(), o.name) == 0) continue;
        if (o.name.compare(0, had.size(), had) == 0) had = o.name;  // the longer of one name's forms
        else had.clear();
      }
    }
  }
  for (auto& [part, name] : longer) {
    if (!name.empty() && g.Company(Lower(part)) == nullptr && !PlaceAdjective(Lower(part))) long_form_[part] = name;
  }
  // 2. The salient organisation: the most named, a sentence's subject counting double; the first
  // named wins a tie.
  std::vector<std::pair<std::string, int>> counts;
  for (uint32_t s = 0; s < article.sentences.size(); ++s) {
    std::vector<OrgRef> orgs = Raw(s);
    const OrgRef* subj = SubjectOf(orgs, s);
    for (const OrgRef& o : orgs) {
      if (o.reporter) continue;
      auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == o.name; });
      if (it == counts.end()) it = counts.insert(counts.end(), {o.name, 0});
      it->second += &o == subj ? 2 : 1;
    }
  }
  int best = 0;
  for (const auto& [name, n] : counts) {
    if (n > best) { best = n; salient_ = name; }
  }
}

const OrgRef* OrgResolver::SubjectOf(const std::vector<OrgRef>& orgs, uint32_t s) const {
  if (orgs.empty() || orgs[0].reporter || orgs[0].possessive || !orgs[0].prep.empty()) return nullptr;
  // Only words that can open a noun phrase before it: "Norwegian carrier Tessel", "The board of".
  uint32_t b = words_.sentence_begin[s];
  const EventLexicon& lex = EventLexicon::Get();
  for (uint32_t i = b; i < orgs[0].w0; ++i) {
    if (i > b && (words_.words[i].comma_before || words_.words[i].clause_before)) return nullptr;
    // "Although Globex has long been ...": the subject of a subordinate clause.
    std::string_view cls = lex.WordClass(words_.words[i].lower);
    if (cls == "subordinate" || cls == "conditional") return nullptr;
  }
  return orgs[0].w0 - b <= 4 ? &orgs[0] : nullptr;
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
      // A nominal the extract stage resolved ("the group") is a stand-in, resolved here with the
      // event layer's rules (see SentenceOrgs).
      if (mentions_.entities.entities[m.entity].type != EntityType::kOrg || m.nominal) { i = j; continue; }
      o.name = mentions_.entities.entities[m.entity].canonical;
      o.w0 = i; o.w1 = j;
      o.listed = true;
      // "Korean Air" is not "Air India" shortened: a place word right before a one-word short
      // form makes a name of its own.
      auto place_word = [&](uint32_t k) {
        return PlaceWord(w[k].lower) ||
               (w[k].entity >= 0 && w[k].entity != w[i].entity &&
                mentions_.entities.entities[mentions_.entities.mentions[w[k].entity].entity].type == EntityType::kLoc);
      };
      if (j == i + 1 && i > b && w[i - 1].capitalized && !w[i].comma_before && !w[i].clause_before &&
          place_word(i - 1)) {
        o.w0 = i - 1;
        o.name = article_.text.substr(w[i - 1].start, w[i].end - w[i - 1].start);
        o.listed = false;
      }
    } else if (w[i].capitalized && w[i].quantity < 0 && w[i].date < 0 && !title_case &&
               !NotName(lex.WordClass(w[i].lower)) && lex.WordClass(w[i].lower) != "nominal") {
      // A capitalised run the entity list does not know: a name when it is not the sentence's
      // first word, or is written like a brand ("DataCorp"). A place word right before it belongs
      // to it ("Korean Air", "Russian Railways"): the name is not a short form of another.
      uint32_t start = i;
      if (i > b && w[i - 1].capitalized && !w[i].comma_before && !w[i].clause_before &&
          (PlaceWord(w[i - 1].lower) ||
           (w[i - 1].entity >= 0 &&
            mentions_.entities.entities[mentions_.entities.mentions[w[i - 1].entity].entity].type == EntityType::kLoc)))
        start = i - 1;
      uint32_t j = i;
      bool camel = false;
      while (j < e && w[j].capitalized && w[j].entity < 0 && w[j].quantity < 0 && w[j].date < 0 &&
             !NotName(lex.WordClass(w[j].lower)) && (j == i || (!w[j].comma_before && !w[j].clause_before))) {
        camel |= w[j].camel;
        ++j;
        if (w[j - 1].hyphen_after) break;
      }
      if (j == i) { ++i; continue; }
      // "Lisbon-based", "Nordic": a place used as an adjective names no party.
      if (w[j - 1].hyphen_after || (j - i == 1 && PlaceAdjective(w[i].lower))) { i = j; continue; }
      for (uint32_t k = start; k < j; ++k) {
        if (k > start) o.name += ' ';
        o.name += article_.text.substr(w[k].start, w[k].end - w[k].start);
      }
      // A lone capitalised word opening a sentence is an ordinary word unless it is the short
      // form of a name the article gives in full.
      if (start == b && !camel && j - start < 2 && !long_form_.count(o.name)) { i = j; continue; }
      o.w0 = start; o.w1 = j;
    } else {
      ++i;
      continue;
    }
    if (auto it = long_form_.find(o.name); it != long_form_.end()) o.name = it->second;
    o.possessive = w[o.w1 - 1].possessive;
    if (o.w0 > b && !w[o.w0].comma_before && !w[o.w0].clause_before && IsPrep(w[o.w0 - 1].lower)) o.prep = w[o.w0 - 1].lower;
    if (o.w1 < e && (w[o.w1].lower == "reported" || w[o.w1].lower == "reports")) o.reporter = true;
    if (o.w0 >= b + 2 && w[o.w0 - 1].lower == "to" && w[o.w0 - 2].lower == "according") o.reporter = true;
    if (o.w0 > b && w[o.w0 - 1].lower == "told") o.reporter = true;
    // Adjacent names join: "Acme" + "Cloud Services" is one organisation.
    if (!out.empty() && out.back().w1 == o.w0 && !w[o.w0].comma_before && !w[o.w0].clause_before &&
        !out.back().possessive) {
      // A name already ending in the next one is not written twice.
      const std::string& had = out.back().name;
      if (had.size() < o.name.size() || had.compare(had.size() - o.name.size(), o.name.size(), o.name) != 0)
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
    if (w[i].entity >= 0 && mentions_.entities.mentions[w[i].entity].nominal) {
      uint32_t j = i;
      while (j < e && w[j].entity == w[i].entity) ++j;
      o.w0 = i; o.w1 = j;
      o.possessive = w[j - 1].possessive;
    } else if (cls == "pronoun" && (w[i].lower == "its" || w[i].lower == "it")) {
      o.w0 = i; o.w1 = i + 1;
      o.possessive = w[i].lower == "its";
    } else if (w[i].lower == "the") {
      // "the company", "the tech giant", "the AI research lab": up to three words, then a head noun.
      uint32_t j = i + 1;
      while (j < e && j <= i + 4 && lex.WordClass(w[j].lower) != "nominal" && !w[j].comma_before &&
             !w[j].clause_before && w[j].entity < 0 && w[j].quantity < 0)
        ++j;
      if (j >= e || j > i + 4 || lex.WordClass(w[j].lower) != "nominal" || w[j].comma_before) continue;
      // "the Dutch port operator Kestrel Terminals": a description of the name after it, not a
      // stand-in for an earlier one.
      if (n < named.size() && named[n].w0 == j + 1 && !w[j + 1].comma_before) continue;
      o.w0 = i; o.w1 = j + 1;
      o.possessive = w[j].possessive;
    } else {
      continue;
    }
    o.stand_in = true;
    if (o.w0 > b && IsPrep(w[o.w0 - 1].lower)) o.prep = w[o.w0 - 1].lower;
    // "Tessel had invested $2 billion in the startup": the object of a preposition never means
    // its own clause's subject (that would be "itself"); "its" may, and so may the subject of a
    // reported clause ("Tessel said it would").
    const OrgRef* subj = SubjectOf(named, s);
    bool own_subject = !o.possessive && !o.prep.empty() && o.prep != "and" && subj != nullptr && subj->w1 <= o.w0;
    o.name = Resolve(s, o.w0, own_subject ? subj->name : std::string());
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
      std::vector<OrgRef> orgs = Raw(k);
      const OrgRef* subj = SubjectOf(orgs, k);
      for (const OrgRef& o : orgs) {
        if (k == s && o.w0 >= before_word) continue;
        if (o.reporter || SameGroup(o.name, exclude) || MarketPlace(o.name)) continue;
        order += 0.01;
        // "Tessel is in talks to buy Brio, a move that sent its shares down": the subject.
        score[o.name] += (o.possessive || !o.prep.empty() ? 0.5 : 1.0) + (&o == subj ? 0.5 : 0.0) + order;
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
  // A stand-in with nothing before it in its paragraph ("The Lisbon-based group employs ...")
  // returns to the article's main organisation, not to the last one the previous paragraph named.
  score_window(from, s, score);
  std::string best;
  double top = 0;
  for (const auto& [name, v] : score) {
    if (v > top) { top = v; best = name; }
  }
  if (best.empty() && !SameGroup(salient_, exclude)) best = salient_;
  return best;
}

}  // namespace corroborate::events
