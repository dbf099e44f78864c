// Nominals (see entity_scanner.h): "the company", "the Oslo-based group" stand for an
// organisation named before them. Tested in entities_test.cc.
#include "extract/entity_scanner.h"

#include <algorithm>

namespace corroborate::extract {

// "The company", "the tech giant", "the Oslo-based group": a noun that stands for an organisation
// named before it. The referent is the name the phrase stands beside ("Kestrel, the company
// behind ..."), else the first organisation of its own sentence before it, else the first (the
// subject's) of the nearest earlier sentence naming one, at most three sentences back. Phrases
// that may mean another organisation ("the other company", "the new firm", "the group of
// investors") are left alone. Linear: one pass over the tokens and the sorted mentions.
void Scanner::Nominals() {
  std::vector<uint32_t> sent(n_, 0);
  for (uint32_t i = 0, s = 0; i < n_; ++i) {
    if (i > 0 && (T(i).sentence_start || T(i).newline_before)) ++s;
    sent[i] = s;
  }
  struct OrgAt { uint32_t b, e; int entity; bool subject; };
  std::vector<OrgAt> orgs;
  std::vector<uint8_t> listed(out_.entities.size(), 0);
  for (const Cand& c : cands_)
    if (c.entity >= 0 && c.listed) listed[c.entity] = 1;
  SortCandidates();
  uint32_t covered = 0;
  for (const Cand& c : cands_) {
    if (c.entity < 0 || c.b < covered || out_.entities[c.entity].type != EntityType::kOrg) continue;
    covered = c.e;
    // "according to Kestrel News", "Kestrel News reported": a source, not what the story is about.
    bool source = c.b >= 2 && Word(c.b - 2) && Lower(c.b - 2) == "according" && Lower(c.b - 1) == "to";
    // "Kestrel News reported that ...", but not "Kestrel reported higher profit".
    if (c.e + 1 < n_ && Word(c.e) && (Lower(c.e) == "reported" || Lower(c.e) == "reports")) {
      std::string_view nx = Word(c.e + 1) ? Lower(c.e + 1) : std::string_view(",");
      source |= nx == "," || nx == "that" || nx == "on" || nx == "earlier" || nx == "last" || nx == "in";
    }
    source |= c.b >= 1 && Word(c.b - 1) && Lower(c.b - 1) == "told";
    // A sentence's subject: its first words ("Kestrel said", "The Kestrel group"), not "Kestrel's".
    bool subject = T(c.b).sentence_start || T(c.b).newline_before ||
                   (c.b > 0 && (T(c.b - 1).sentence_start || T(c.b - 1).newline_before) && Lower(c.b - 1) == "the");
    subject &= !(c.e < n_ && T(c.e).possessive);
    if (!source) orgs.push_back({c.b, c.e, c.entity, subject});
  }
  // Salience so far: one point a mention, two more for a sentence's subject; the article's topic
  // is the organisation with the most points.
  std::vector<uint32_t> score(out_.entities.size(), 0);
  int topic = -1;
  auto credit = [&](int ent, uint32_t pts) {
    score[ent] += pts;
    if (topic < 0 || score[ent] > score[topic]) topic = ent;
  };
  size_t oi = 0;  // orgs before the current token
  std::vector<Cand> found;
  for (uint32_t i = 0; i + 1 < n_; ++i) {
    while (oi < orgs.size() && orgs[oi].b < i) {
      credit(orgs[oi].entity, orgs[oi].subject ? 3 : 1);
      ++oi;
    }
    if (!Word(i) || Lower(i) != "the" || title_line_[i]) continue;
    uint32_t h = i + 1, mods = 0;
    bool ok = true;
    while (h < n_ && Word(h) && !(F(h) & kNominal && !CapWord(h)) && mods < 3) {
      std::string_view w = Lower(h);
      bool mod_ok = CapWord(h) ? hyphen_lower_[h] || (T(h).upper && Tx(h).size() <= 3 && (F(h) & kNotName))
                               : !(F(h) & kNotName) && !(w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's');
      if (w == "other" || w == "rival" || w == "new" || w == "parent" || w == "combined" || w == "merged" ||
          w == "joint" || w == "acquiring" || w == "acquired" || w == "target" || w == "former" ||
          w == "latter" || w == "same" || w == "first" || w == "second" || w == "last" || w == "largest" ||
          w == "biggest" || w == "world's" || w == "only" || w == "each" || w == "both")
        mod_ok = false;
      if (!mod_ok) { ok = false; break; }
      ++h;
      ++mods;
    }
    if (!ok || !Word(h) || CapWord(h) || !(F(h) & kNominal)) continue;
    // "the group of investors", "the company-wide", "the firm hired Kestrel Advisors as ...".
    if (h + 1 < n_ && Word(h + 1) && Lower(h + 1) == "of") continue;
    if (std::string_view(Tx(h)).find('-') != std::string_view::npos) continue;
    // Listed companies are no startups or labs; a "giant" is a listed company.
    std::string_view noun = Lower(h);
    auto fits = [&](int ent) {
      if (noun == "startup" || noun == "lab" || noun == "laboratory") return !listed[ent];
      if (noun == "giant") return listed[ent] != 0;
      return true;
    };
    int ref = -1;
    if (i >= 2 && s_.tokens.IsPunct(i - 1, ',') && oi > 0 && orgs[oi - 1].e == i - 1 && fits(orgs[oi - 1].entity)) {
      ref = orgs[oi - 1].entity;  // "Kestrel, the company behind ..."
    } else {
      size_t k = oi;
      while (k > 0 && sent[orgs[k - 1].b] == sent[i]) --k;
      // Its own sentence: the first fitting organisation a clause boundary separates from the
      // phrase ("Kestrel said the company ..."); within one clause a name and a phrase for it
      // do not meet ("Kestrel invested in the startup" is about another).
      int same_clause = -1;  // the nearest organisation in the phrase's own clause
      for (size_t m = k; m < oi && ref < 0; ++m) {
        same_clause = orgs[m].entity;
        if (!fits(orgs[m].entity)) continue;
        for (uint32_t t = orgs[m].e; t < i; ++t) {
          std::string_view x = Word(t) ? Lower(t) : std::string_view();
          if (s_.tokens.IsPunct(t, ',') || x == "said" || x == "says" || x == "told" || x == "added" ||
              x == "that" || x == "which" || x == "as" || x == "while" || x == "after" || x == "because" ||
              x == "when" || x == "if" || x == "and" || x == "but" || x == "announced") {
            ref = orgs[m].entity;
            break;
          }
        }
      }
      if (ref < 0) {
        // The subject of the nearest earlier sentence naming a fitting organisation carries on
        // ("Kestrel said ... . The company ..."); otherwise the article's topic when it fits, else
        // that sentence's first fitting organisation.
        size_t m = k;
        while (m > 0 && !fits(orgs[m - 1].entity)) --m;
        int first = -1;
        bool subject = false;
        if (m > 0 && sent[i] - sent[orgs[m - 1].b] <= 3) {
          uint32_t s = sent[orgs[m - 1].b];
          while (m > 0 && sent[orgs[m - 1].b] == s) {
            --m;
            if (fits(orgs[m].entity)) {
              first = orgs[m].entity;
              subject = orgs[m].subject;
            }
          }
        }
        if (first >= 0 && subject) ref = first;
        else if (topic >= 0 && fits(topic)) ref = topic;
        else ref = first;
        if (ref >= 0 && ref == same_clause) ref = first != same_clause ? first : -1;
      }
    }
    if (ref < 0) continue;
    Cand cd;
    cd.b = i;
    cd.e = h + 1;
    cd.type = EntityType::kOrg;
    cd.strength = kSure;
    cd.key = "\x01nominal";  // never looked up: the referent is already chosen
    cd.entity = ref;
    cd.nominal = true;
    found.push_back(std::move(cd));
    credit(ref, 1);
    i = h;
  }
  for (Cand& c : found) cands_.push_back(std::move(c));
}

}  // namespace corroborate::extract
