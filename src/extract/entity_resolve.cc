// Joining candidate mentions into entities (see entity_scanner.h): sure names first, then parts
// of names (surnames, first words, product words), acronyms, bracketed acronyms and parents.
// Tested in entities_test.cc.
#include "extract/entity_scanner.h"

#include <algorithm>

namespace corroborate::extract {

// Joins candidates into entities. Order matters: sure names first, so that guesses and
// confirm-only words can join them.
void Scanner::Resolve() {
  SortCandidates();
  auto make = [&](Cand& c) {
    auto it = by_key_.find(c.key);
    if (it != by_key_.end()) {
      c.entity = it->second;
      Entity& en = out_.entities[c.entity];
      if (en.ticker.empty() && !c.ticker.empty()) en.ticker = c.ticker;
      return;
    }
    Entity en;
    en.type = c.type;
    en.canonical = c.canon;
    en.ticker = c.ticker;
    c.entity = static_cast<int>(out_.entities.size());
    out_.entities.push_back(std::move(en));
    by_key_.emplace(c.key, c.entity);
  };
  // Pass 1: sure and likely names, multi-word first so that parts can find wholes.
  for (int pass = 0; pass < 2; ++pass) {
    for (Cand& c : cands_) {
      bool multi = c.key.find(' ') != std::string::npos;
      if (c.key.empty() || c.entity >= 0 || c.strength < (multi ? kGuess : kLikely)) continue;
      if ((pass == 0) != multi) continue;
      if (pass == 1 && by_key_.count(c.key) == 0) {
        // A single word naming part of a known person or organisation joins it below.
        continue;
      }
      make(c);
    }
  }
  // A product's maker is an organisation the article names, even where only the product carries
  // its name ("the Acme A380"): a later bare "Acme" joins it.
  for (Cand& c : cands_) {
    if (c.key.empty() || c.parent.empty()) continue;
    std::string key;
    AppendLower(key, c.parent);
    if (by_key_.count(key)) continue;
    Entity en;
    en.type = EntityType::kOrg;
    en.canonical = c.parent;
    by_key_.emplace(std::move(key), static_cast<int>(out_.entities.size()));
    out_.entities.push_back(std::move(en));
  }
  // Index parts of multi-word names: a person's surname, an organisation's first word(s).
  std::unordered_map<std::string, int> surname, first_word, product_word;
  std::unordered_map<std::string, int> initials;
  for (const Cand& c : cands_) {
    if (c.entity < 0) continue;
    const Entity& en = out_.entities[c.entity];
    size_t sp = c.key.rfind(' ');
    if (sp == std::string::npos) continue;
    if (en.type == EntityType::kProduct) {
      product_word.emplace(c.key.substr(sp + 1), c.entity);  // "Skyliner" for "787 Skyliner"
    } else if (en.type == EntityType::kPerson) {
      surname.emplace(c.key.substr(sp + 1), c.entity);
    } else if (en.type == EntityType::kOrg) {
      first_word.emplace(c.key.substr(0, c.key.find(' ')), c.entity);
    }
    if (en.type == EntityType::kOrg) {
      std::string ini;
      for (uint32_t k = c.b; k < c.e; ++k) {
        if (!Word(k) || !T(k).cap) continue;
        std::string_view w = Tx(k);
        ini.push_back(w[0] >= 'a' ? static_cast<char>(w[0] - 32) : w[0]);
      }
      if (ini.size() >= 2) initials.emplace(ini, c.entity);
    }
  }
  // Pass 2: everything else joins a whole it is part of, or stands alone if the scan believed it;
  // words capitalised only by their place in the sentence wait for the others (pass 3).
  for (int pass = 2; pass <= 3; ++pass)
  for (Cand& c : cands_) {
    if (c.key.empty() || c.entity >= 0) continue;
    if ((pass == 2) == (c.strength == kConfirmOnly)) continue;
    auto it = by_key_.find(c.key);
    if (it != by_key_.end()) {
      c.entity = it->second;
      continue;
    }
    // An acronym of a name the article spells out is that name, whatever the lists say.
    if (c.acronym) {
      auto a = initials.find(std::string(Tx(c.b)));
      if (a != initials.end()) {
        c.entity = a->second;
        by_key_.emplace(c.key, c.entity);
        continue;
      }
    }
    if (c.strength >= kSure) {  // the lists know it: it is itself, not part of something else
      make(c);
      continue;
    }
    if (c.key.find(' ') == std::string::npos) {
      auto pw = product_word.find(c.key);
      if (pw != product_word.end()) {
        c.entity = pw->second;
        c.strength = kLikely;
        continue;
      }
      auto s = surname.find(c.key);
      if (s != surname.end()) {
        c.entity = s->second;
        c.strength = kLikely;
        continue;
      }
      // "Northrop" for "Northrop Grumman"; a longer name ("Acme Cloud Platform") is a unit of
      // "Acme", not the same organisation.
      auto f = first_word.find(c.key);
      if (f != first_word.end() && out_.entities[f->second].canonical.size() > c.canon.size() &&
          std::count(out_.entities[f->second].canonical.begin(), out_.entities[f->second].canonical.end(), ' ') == 1) {
        c.entity = f->second;
        c.strength = kLikely;
        continue;
      }
    }
    if (c.strength >= kGuess) make(c);
  }
  // "Singapore Airlines (SIA)": an acronym in brackets right after a name is that name's.
  for (size_t k = 0; k + 1 < cands_.size(); ++k) {
    Cand& x = cands_[k];
    Cand& y = cands_[k + 1];
    if (x.entity < 0 || y.entity < 0 || x.entity == y.entity || !y.acronym) continue;
    if (!(y.b == x.e + 1 && s_.tokens.IsPunct(x.e, '(') && s_.tokens.IsPunct(y.e, ')'))) continue;
    int from = y.entity;
    for (Cand& c : cands_)
      if (c.entity == from) c.entity = x.entity;
  }
  // Parents: "Boeing Commercial Airplanes" belongs to "Boeing" when the article names both.
  for (Entity& en : out_.entities) {
    if (en.type != EntityType::kOrg) continue;
    std::string key;
    AppendLower(key, en.canonical);
    for (size_t sp = key.rfind(' '); sp != std::string::npos && sp > 0; sp = key.rfind(' ', sp - 1)) {
      auto it = by_key_.find(key.substr(0, sp));
      if (it != by_key_.end() && out_.entities[it->second].type == EntityType::kOrg &&
          out_.entities[it->second].canonical != en.canonical) {
        en.parent = out_.entities[it->second].canonical;
        break;
      }
    }
  }
  // Drop guesses nobody confirmed; 0-strength candidates stood only if they joined something.
  for (Cand& c : cands_)
    if (c.entity >= 0 && c.strength == kConfirmOnly && by_key_.count(c.key) == 0) c.entity = -1;
}

// "Kestrel's Falcon cloud division", "its Falcon unit": an organisation called a unit of another,
// named by a possessive or by "its" (the organisation named last before it in the sentence), has
// that one as its parent.
void Scanner::UnitParents() {
  auto unit_word = [&](uint32_t k) {
    if (!Word(k) || CapWord(k)) return false;
    std::string_view w = Lower(k);
    return w == "division" || w == "divisions" || w == "unit" || w == "units" || w == "arm" ||
           w == "subsidiary" || w == "subsidiaries" || w == "segment";
  };
  std::vector<int> entity_at(n_, -1);  // per token: the entity whose mention holds it
  for (const Cand& c : cands_)
    if (c.entity >= 0 && !c.nominal)
      for (uint32_t k = c.b; k < c.e; ++k) entity_at[k] = c.entity;
  int last_org = -1;        // the organisation named last before the candidate
  uint32_t last_org_e = 0;  // and where that mention ends
  for (const Cand& c : cands_) {
    if (c.entity < 0 || c.nominal) continue;
    Entity& en = out_.entities[static_cast<size_t>(c.entity)];
    bool unit = c.e < n_ && (unit_word(c.e) || (Word(c.e) && !CapWord(c.e) && unit_word(c.e + 1)));
    if (en.type == EntityType::kOrg && unit && en.parent.empty()) {
      int owner = -1;
      if (c.b >= 2 && T(c.b - 1).possessive) {
        owner = entity_at[c.b - 2];
      } else if (c.b >= 1 && Word(c.b - 1) && Lower(c.b - 1) == "its" && last_org >= 0 && c.b < last_org_e + 40) {
        owner = last_org;  // only within the same sentence (a bounded look back)
        for (uint32_t k = last_org_e; k < c.b; ++k)
          if (T(k).sentence_start) owner = -1;
      }
      if (owner >= 0 && owner != c.entity && out_.entities[static_cast<size_t>(owner)].type == EntityType::kOrg)
        en.parent = out_.entities[static_cast<size_t>(owner)].canonical;
    }
    if (en.type == EntityType::kOrg) {
      last_org = c.entity;
      last_org_e = c.e;
    }
  }
}

}  // namespace corroborate::extract
