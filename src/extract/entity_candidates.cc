// Typing the capitalised runs of an article (see entity_scanner.h): cut at role words and
// honorifics, each part looked up in the lists and typed by organisation, place, person and
// product words; title-case lines and tickers. Tested in entities_test.cc.
#include "extract/entity_scanner.h"

#include <algorithm>

namespace corroborate::extract {

// Cuts a run at honorifics and role words: "Globex CEO Jane Doe" is an organisation, a role
// and a person; "Senior Portfolio Manager" is only a role.
void Scanner::ClassifyRun(uint32_t b, uint32_t e) {
  // Leading words that only open a sentence: "The", "According", "However"; a quotation's first
  // word opens one too ("\"Today Kestrel will ...").
  auto opens = [&](uint32_t k) {
    return T(k).sentence_start || (k > 0 && T(k - 1).kind == NKind::kPunct && IsQuoteMark(T(k - 1).cp));
  };
  // Not when the word begins a name the lists hold ("New York City officials").
  auto begins_known = [&](uint32_t k) {
    EntityType t{};
    Strength st{};
    const CompanyInfo* c = nullptr;
    const PlaceInfo* p = nullptr;
    for (uint32_t m = k + 2; m <= e && m <= k + kMaxNgram; ++m)
      if (LookupSpan(k, m, t, st, c, p) && (c || p)) return true;
    return false;
  };
  while (b < e && (F(b) & kNotName) && !(F(b) & (kHonorific | kRole | kRoleModifier)) &&
         (opens(b) || Lower(b) == "the" || Lower(b) == "a" || Lower(b) == "an" || e == b + 1) &&
         !((F(b) & kGivenName) && b + 1 < e && CapWord(b + 1) && !opens(b)) && !begins_known(b)) {
    ++b;
  }
  while (b < e && T(b).kind != NKind::kWord) ++b;
  if (b >= e) return;
  // "Imagine Acme ...": a sentence's first word that is no name glued to one that is.
  if (T(b).sentence_start && b + 1 < e && CapWord(b + 1) && !(F(b) & (kGivenName | kHonorific | kRole)) &&
      !Midcap(b) && Midcap(b + 1)) {
    EntityType t{};
    Strength st{};
    const CompanyInfo* c = nullptr;
    const PlaceInfo* p = nullptr;
    if (!LookupSpan(b, e, t, st, c, p)) ++b;
  }
  // "Prices of Kestrel ...": a sentence's first word the article also writes in lower case, joined
  // by "of" to a name, is a plain noun; "Bank of ...", "University of ..." are kept by their words.
  if (T(b).sentence_start && b + 2 < e && Word(b + 1) && Lower(b + 1) == "of" && SeenLower(b) &&
      !(F(b) & (kOrgPrefix | kOrgSuffix | kGivenName | kHonorific | kRole | kRoleModifier))) {
    EntityType t{};
    Strength st{};
    const CompanyInfo* c = nullptr;
    const PlaceInfo* p = nullptr;
    if (!LookupSpan(b, e, t, st, c, p)) b += 2;
  }
  const bool after_at = b > 0 && Word(b - 1) && (Lower(b - 1) == "at");
  // A run that ends in a role word is a role phrase: keep only names the lists know inside it.
  uint32_t last = e - 1;
  while (last > b && T(last).kind != NKind::kWord) --last;
  bool ends_role = (F(last) & kRole) && !(F(last) & (kOrgSuffix | kLocSuffix)) && !T(last).upper;
  ends_role |= (F(last) & kRole) && T(last).upper && Tx(last).size() <= 3 && Lower(last)[0] == 'c';  // CEO
  if (ends_role) {
    s_.roles.push_back({b, e});
    for (uint32_t k = b; k < e;) {
      uint32_t best = 0;
      EntityType t{};
      Strength st{};
      const CompanyInfo* c = nullptr;
      const PlaceInfo* p = nullptr;
      for (uint32_t m = std::min(e, k + kMaxNgram); m > k; --m) {
        if (LookupSpan(k, m, t, st, c, p) && st >= kSure) {
          best = m;
          break;
        }
      }
      if (best) {
        AddCand(k, best, t, kSure, c, p);
        k = best;
      } else {
        ++k;
      }
    }
    return;
  }
  // Find a role phrase inside: modifiers and role words around at least one role word.
  for (uint32_t k = b; k < e; ++k) {
    bool role = (F(k) & kRole) && !(F(k) & (kOrgSuffix | kGivenName)) && Word(k);
    if (role && k > b && (F(k - 1) & kGivenName) && (F(k) & kSurname)) role = false;  // "Tim Cook"
    if (!role) continue;
    uint32_t rb = k, re = k + 1;
    while (rb > b && (F(rb - 1) & (kRole | kRoleModifier)) && !(F(rb - 1) & kGivenName)) --rb;
    while (re < e && (F(re) & (kRole | kRoleModifier)) && !(F(re) & kGivenName)) ++re;
    if (re >= e) break;  // nothing after it: handled as a role-ending run above
    s_.roles.push_back({rb, re});
    if (rb > b) ClassifySegment(b, rb, false, true);
    uint32_t pb = re;
    if (pb < e && Word(pb) && IsConnector(Lower(pb))) {  // "Chief Operating Officer of Acme Airways"
      if (pb + 1 < e) ClassifySegment(pb + 1, e, false, true);
      return;
    }
    while (pb < e && ((F(pb) & kHonorific) || T(pb).kind == NKind::kPunct)) ++pb;
    if (pb < e) ClassifySegment(pb, e, true, false);
    return;
  }
  // Honorifics: "Mr. Lee", "Senator McCain".
  bool person = false;
  while (b < e && ((F(b) & kHonorific) || (person && T(b).kind == NKind::kPunct))) {
    if (!(T(b).kind == NKind::kPunct) && b + 1 < e) person = true;
    else if (T(b).kind != NKind::kPunct) break;
    ++b;
  }
  if (b < e) ClassifySegment(b, e, person, after_at && !person);
}

// Join key and display name: legal and generic trailing words and a ".com" dropped
// ("Globex.com Inc." → "globex", "Globex"), full stops of abbreviations dropped.
void Scanner::Key(uint32_t b, uint32_t e, std::string& key, std::string* display) const {
  while (e > b + 1 && (T(e - 1).kind != NKind::kWord || (F(e - 1) & kGeneric))) --e;
  key.clear();
  if (display) display->clear();
  for (uint32_t k = b; k < e; ++k) {
    if (T(k).kind != NKind::kWord) {
      if (T(k).cp == '&') {
        key += key.empty() ? "&" : " &";
        if (display) *display += " &";
      }
      continue;
    }
    std::string_view w = Lower(k);
    std::string_view d = Tx(k);
    if (k + 1 == e && w.size() > 4 && w.substr(w.size() - 4) == ".com") {
      w.remove_suffix(4);
      d.remove_suffix(4);
    }
    if (!key.empty()) key += ' ';
    key += w;
    if (display) {
      if (!display->empty()) *display += ' ';
      *display += d;
    }
  }
}

// The lists' verdict on tokens [b, e), whole: a listed company, a place, or a name whose last word
// is an organisation or place word.
bool Scanner::LookupSpan(uint32_t b, uint32_t e, EntityType& t, Strength& st, const CompanyInfo*& c,
                         const PlaceInfo*& p) {
  thread_local std::string key;
  key.clear();
  for (uint32_t k = b; k < e; ++k) {
    if (T(k).kind != NKind::kWord) {
      if (T(k).cp == '&') key += key.empty() ? "&" : " &";
      else if (T(k).cp != '.') return false;
      continue;
    }
    if (!key.empty()) key += ' ';
    key += Lower(k);
  }
  if (key.empty()) return false;
  c = nullptr;
  p = g_.Place(key);
  // A one-word town that is also a surname, a given name or an organisation word ("Holloway",
  // "University") is not taken for the town.
  bool weak_place = false;
  if (p && p->kind == PlaceKind::kCity && e == b + 1) {
    if (F(b) & (kNotName | kOrgSuffix | kOrgPrefix | kRole | kRoleModifier)) p = nullptr;
    else weak_place = (F(b) & (kSurname | kGivenName)) != 0;  // "London", "Sydney": a surname may claim it
  }
  if (p && p->kind != PlaceKind::kCity) {
    t = EntityType::kLoc;
    st = kSure;
    return true;
  }
  c = g_.Company(key);
  // One listed word written otherwise than the listing ("Tim" for "TIM"): a name, not that company.
  if (c && e == b + 1 && Tx(b) != c->short_name && !T(b).upper) c = nullptr;
  if (!c) {  // "Cisco Systems Inc" → "cisco systems" → "cisco"
    thread_local std::string k2;
    Key(b, e, k2, nullptr);
    if (k2 != key) c = g_.Company(k2);
  }
  if (c) {
    p = nullptr;
    t = EntityType::kOrg;
    st = kSure;
    return true;
  }
  if (p) {
    t = EntityType::kLoc;
    st = weak_place ? kLikely : kSure;
    return true;
  }
  return false;
}

void Scanner::ClassifySegment(uint32_t b, uint32_t e, bool person_cue, bool org_cue) {
  while (e > b && T(e - 1).kind != NKind::kWord) --e;
  while (b < e && (T(b).kind != NKind::kWord || IsConnector(Lower(b)))) ++b;
  if (b >= e) return;
  // Trailing words that are no name: "Acme AI" → "Acme".
  while (e > b + 1 && (F(e - 1) & kNotName) &&
         !(F(e - 1) & (kOrgSuffix | (T(e - 1).upper ? 0 : (kGivenName | kSurname)))))
    --e;
  while (e > b && T(e - 1).kind != NKind::kWord) --e;
  // "30GB iPod": a size before a name is no part of it.
  if (e > b + 1 && Tx(b)[0] >= '0' && Tx(b)[0] <= '9') {
    std::string_view unit = Lower(b);
    while (!unit.empty() && ((unit[0] >= '0' && unit[0] <= '9') || unit[0] == '.')) unit.remove_prefix(1);
    if (!unit.empty() && (g_.Flags(unit) & kNotName)) ++b;
  }
  uint32_t words = 0;
  for (uint32_t k = b; k < e; ++k) words += T(k).kind == NKind::kWord;
  const uint32_t last = e - 1;
  // "Developer Program", "Everett Factory": after a role word, a name whose last word names a
  // thing, a place or an event is no person's.
  if (person_cue && (F(last) & (kNotName | kLocSuffix | kEvent | kProductHead | kOrgSuffix)) &&
      !(F(last) & kSurname))
    person_cue = false;
  if (words == 1 && (F(b) & kNotName) && !person_cue) return;
  if (words == 1 && (F(b) & (kRole | kRoleModifier | kHonorific))) return;
  if (F(last) & kEvent) return;  // "Paris Air Show": an event
  if (words == 1 && IsDemonym(Lower(b))) return;
  // "Air Force James Roche", "State Antony Blinken" (after "Secretary of"): a title's
  // organisation run together with the person who holds it. A given name and one more capitalised
  // word end the run, after an organisation or role word or in a run that follows a role: they
  // are the person's name, what stands before is classified apart.
  if (words >= 3 && !person_cue && last >= b + 2 && Word(last - 1) && Word(last - 2)) {
    const uint32_t g = last - 1;
    const bool given = (F(g) & kGivenName) &&
                       !(F(g) & (kNotName | kOrgSuffix | kLocSuffix | kRole | kRoleModifier | kHonorific | kGeneric));
    bool letters = true;  // "France A330" is a model
    for (char ch : Tx(last)) letters &= !(ch >= '0' && ch <= '9');
    const bool surname = letters && CapWord(last) && !T(last).upper && Tx(last).size() >= 2 &&
                         !(F(last) & (kOrgSuffix | kLocSuffix | kGeneric | kNotName | kEvent | kProductSuffix));
    const bool after_title = org_cue || (F(g - 1) & (kOrgSuffix | kRole | kRoleModifier)) != 0;
    EntityType lt{};
    Strength ls{};
    const CompanyInfo* lc = nullptr;
    const PlaceInfo* lp = nullptr;
    // A given name that also names a place or company ("France") is taken for that.
    if (given && surname && after_title && !(F(g - 1) & kGivenName) && !LookupSpan(g, g + 1, lt, ls, lc, lp) &&
        !LookupSpan(b, e, lt, ls, lc, lp)) {
      ClassifySegment(b, g, false, org_cue);
      return AddCand(g, e, EntityType::kPerson, kLikely);
    }
  }
  // Models and versions: "A380", "Acme 787", "X-45" name products.
  EntityType t{};
  Strength st{};
  const CompanyInfo* c = nullptr;
  const PlaceInfo* p = nullptr;
  bool digits = false;
  for (char ch : Tx(last)) digits |= (ch >= '0' && ch <= '9');
  if (digits && !(F(last) & kOrgSuffix)) {
    std::string_view w = Lower(last);
    if (w.size() >= 2 && (w.substr(w.size() - 2) == "gb" || w.substr(w.size() - 2) == "mb")) return;
    // "Acme A380": the maker is named too; mentions may not overlap, so the maker and the model
    // become two mentions.
    if (words >= 2 && CapWord(b) && !T(b).lower_initial) {
      for (uint32_t m = last; m > b; --m) {
        if (T(m - 1).kind != NKind::kWord) continue;
        bool known = LookupSpan(b, m, t, st, c, p) && t == EntityType::kOrg;
        if (!known && m == b + 1 && Midcap(b) && !(F(b) & (kNotName | kGivenName))) known = true;
        if (known) {
          // One product named with its maker: the model alone is its key, so that a later "A380"
          // joins "Acme A380", and the maker becomes the product's parent.
          std::string maker;
          if (c) maker = c->short_name;
          else Key(b, m, key_buf_, &maker);
          size_t before = cands_.size();
          AddCand(b, e, EntityType::kProduct, kLikely);
          if (cands_.size() > before) {
            Key(m, e, cands_.back().key, nullptr);
            cands_.back().parent = maker;
          }
          return;
        }
      }
    }
    return AddCand(b, e, EntityType::kProduct, kLikely);
  }
  if (T(b).lower_initial && T(b).cap) return AddCand(b, e, EntityType::kProduct, kLikely);  // "iPod Nano"
  // "UK eReader", "Kestrel eReader": a word with a lower-case initial and a capital inside names a
  // product of its own; what stands before it is classified apart.
  if (words >= 2 && T(last).lower_initial && T(last).cap && Word(last - 1)) {
    ClassifySegment(b, last, person_cue, org_cue);
    return AddCand(last, e, EntityType::kProduct, kLikely);
  }
  // "Kestrel Pro", "Kestrel Mini": a model's suffix after a name the lists do not hold as a company.
  if (words >= 2 && (F(last) & kProductSuffix) && !person_cue) {
    const CompanyInfo* listed = nullptr;
    const PlaceInfo* place = nullptr;
    if (!(LookupSpan(b, e, t, st, listed, place) && (listed || place))) return AddCand(b, e, EntityType::kProduct, kLikely);
  }
  if (words >= 2 && Lower(b) == "air") return AddCand(b, e, EntityType::kOrg, kSure);  // "Air Canada"
  c = nullptr;
  p = nullptr;
  if (person_cue) {
    if (words <= 4) AddCand(b, e, EntityType::kPerson, kSure);
    return;
  }
  if (LookupSpan(b, e, t, st, c, p)) return AddCand(b, e, t, st, c, p);
  if (words >= 2 && (F(last) & kOrgSuffix)) return AddCand(b, e, EntityType::kOrg, kSure);
  if (words >= 2 && (F(b) & kOrgPrefix) && b + 1 < e && Lower(b + 1) == "of")
    return AddCand(b, e, EntityType::kOrg, kSure);
  if (LookupSpan(b, e, t, st, c, p)) return AddCand(b, e, t, st, c, p);
  if (words >= 2 && (F(last) & kLocSuffix)) {
    // "Pew Research Center" is the organisation housed there; "Moscone Center" a place.
    bool org_word = false;
    for (uint32_t k = b; k < last; ++k) org_word |= (F(k) & kOrgSuffix) != 0;
    return AddCand(b, e, org_word ? EntityType::kOrg : EntityType::kLoc, kSure);
  }
  if (words >= 3 && words <= 5 && !org_cue && !(F(b) & (kOrgPrefix | kOrgSuffix)) && !T(last).upper) {
    // "Pieter van Dijk", "Ana de Souza": a lower-case particle between capitalised words is a
    // person's name (organisations join with "of"; places are looked up above).
    bool particle = false;
    for (uint32_t k = b + 1; k < last; ++k) {
      std::string_view w = Word(k) && !CapWord(k) ? Lower(k) : std::string_view();
      particle |= w == "van" || w == "von" || w == "de" || w == "der" || w == "den" || w == "da" ||
                  w == "di" || w == "du" || w == "bin" || w == "ibn" || w == "ter" || w == "dos";
    }
    if (particle && !LookupSpan(last, e, t, st, c, p)) return AddCand(b, e, EntityType::kPerson, kLikely);
    c = nullptr;
    p = nullptr;
  }
  // "Kestrel's chairman, Ana Souza, said": a name set off after a role word is that person's.
  if (words >= 2 && words <= 4 && !org_cue && b >= 2 && s_.tokens.IsPunct(b - 1, ',') && Word(b - 2) &&
      !CapWord(b - 2) && (F(b - 2) & kRole) && !(F(last) & (kOrgSuffix | kLocSuffix)) && !T(last).upper)
    return AddCand(b, e, EntityType::kPerson, kLikely);
  // "says senior vice president Ana Souza": a name the lists do not know, right after a role
  // written in lower case, is that person's; not after a word that also names a kind of company
  // ("port operator Kestrel Terminals"), nor when it ends in a plural that is no surname.
  const std::string_view last_word = Tx(last);
  const bool plural = last_word.size() > 3 && last_word.back() == 's' && last_word[last_word.size() - 2] != 's' &&
                      !(F(last) & kSurname);
  if (words >= 2 && words <= 3 && !org_cue && b >= 1 && Word(b - 1) && T(b - 1).lower_initial && (F(b - 1) & kRole) &&
      !(F(b - 1) & kNominal) && !plural && !(F(last) & (kOrgSuffix | kLocSuffix)) && !T(last).upper)
    return AddCand(b, e, EntityType::kPerson, kLikely);
  // A given name first makes a person, unless a word in capitals follows ("Mac OS X Lion"): names
  // of people hold no acronyms.
  bool inner_acronym = false;
  for (uint32_t k = b + 1; k < e; ++k) inner_acronym |= Word(k) && T(k).upper && Tx(k).find('.') == std::string_view::npos;
  if (words >= 2 && words <= 4 && (F(b) & kGivenName) && !(F(b) & kNotName) && !(F(last) & kOrgSuffix) &&
      !T(last).upper && !org_cue && Tx(last).size() >= 2 && !inner_acronym)
    return AddCand(b, e, EntityType::kPerson, kSure);
  if (words == 1 && T(b).upper && Tx(b).size() <= 6) {
    // "30 GB", "2.4 GHz": capitals right after a number are its unit.
    if (b > 0 && T(b - 1).kind == NKind::kNumber && !T(b).sentence_start && T(b - 1).end + 1 >= T(b).start) return;
    AddCand(b, e, EntityType::kOrg, org_cue ? kLikely : kGuess);
    cands_.back().acronym = true;
    return;
  }
  if (words >= 2) {
    if (!org_cue && words <= 3 && !T(last).upper && SpeakerContext(e))
      return AddCand(b, e, EntityType::kPerson, kLikely);
    return AddCand(b, e, EntityType::kOrg, org_cue ? kLikely : kGuess);
  }
  // One unknown capitalised word: a guess mid-sentence, only a confirmation candidate where
  // capitals are owed to the sentence start or the word is also written in lower case.
  bool initial = T(b).sentence_start || (b > 0 && T(b - 1).kind == NKind::kPunct && !T(b - 1).possessive);
  Strength s1 = (initial || SeenLower(b)) ? kConfirmOnly : kGuess;
  // A capital inside the word ("KestrelNet") or the subject of a business sentence owes nothing
  // to the sentence start.
  if (s1 == kConfirmOnly && !SeenLower(b) && (CamelCase(b) || BusinessSubject(b))) s1 = kGuess;
  EntityType t1 = T(b).lower_initial ? EntityType::kProduct : EntityType::kOrg;
  AddCand(b, e, t1, org_cue ? std::max(s1, kLikely) : s1);
}

void Scanner::AddCand(uint32_t b, uint32_t e, EntityType t, Strength st, const CompanyInfo* c,
                      const PlaceInfo* p) {
  Cand cd;
  cd.b = b;
  cd.e = e;
  cd.type = t;
  cd.strength = st;
  cd.acronym = (e == b + 1) && T(b).upper;
  Key(b, e, cd.key, &cd.canon);
  if (t != EntityType::kOrg) {  // people and places keep their legal-looking words
    cd.key.clear();
    cd.canon.clear();
    for (uint32_t k = b; k < e; ++k) {
      if (T(k).kind != NKind::kWord) {
        if (T(k).cp == '.' && !T(k).space_before && !cd.canon.empty()) cd.canon += '.';  // "P."
        continue;
      }
      if (!cd.key.empty()) { cd.key += ' '; cd.canon += ' '; }
      cd.key += Lower(k);
      cd.canon += Tx(k);
    }
  }
  if (c) {
    cd.listed = true;
    cd.canon = c->short_name;
    cd.key.clear();
    AppendLower(cd.key, c->short_name);
  }
  if (p) {
    cd.canon = p->canonical;
    cd.key.clear();
    AppendLower(cd.key, p->canonical);
  }
  if (cd.key.empty()) return;
  cands_.push_back(std::move(cd));
}

// Title-case lines and overlong runs: the longest known name at each word, known meaning a name
// the body already holds or the lists hold. Bounded: at most kMaxNgram look-ups per token.
void Scanner::ScanTitleLines() {
  thread_local std::string key;
  uint32_t i = 0;
  while (i < n_) {
    if (!title_line_[i] || !CapWord(i) || (F(i) & kNotName)) {
      ++i;
      continue;
    }
    uint32_t found = 0;
    for (uint32_t m = std::min(n_, i + kMaxNgram); m > i; --m) {
      if (!title_line_[m - 1] || !CapWord(m - 1)) continue;
      bool contiguous = true;
      for (uint32_t k = i + 1; k < m; ++k) contiguous &= CapWord(k) && !T(k).newline_before;
      if (!contiguous) continue;
      Key(i, m, key, nullptr);
      auto it = by_key_.find(key);
      if (it != by_key_.end()) {
        Cand cd;
        cd.b = i;
        cd.e = m;
        cd.type = out_.entities[it->second].type;
        cd.strength = kSure;
        cd.key = key;
        cd.entity = it->second;
        cands_.push_back(std::move(cd));
        found = m;
        break;
      }
      EntityType t{};
      Strength st{};
      const CompanyInfo* c = nullptr;
      const PlaceInfo* p = nullptr;
      // One listed word in a headline counts unless it is only a town's name ("Deal", "Mobile").
      if (LookupSpan(i, m, t, st, c, p) && (m - i >= 2 || (Tx(i).size() >= 4 && !(p && p->kind == PlaceKind::kCity)))) {
        AddCand(i, m, t, st, c, p);
        found = m;
        break;
      }
    }
    i = found ? found : i + 1;
  }
}

// "(NASDAQ: GLBX)", "(NYSE: BA)": the symbol names the organisation just before it.
void Scanner::FindTickers() {
  for (uint32_t i = 0; i + 4 < n_; ++i) {
    if (!s_.tokens.IsPunct(i, '(') || !Word(i + 1) || !T(i + 1).upper || !s_.tokens.IsPunct(i + 2, ':')) continue;
    std::string_view ex = Lower(i + 1);
    if (!(ex == "nasdaq" || ex == "nyse" || ex == "amex" || ex == "lse" || ex == "tsx" || ex == "otc"))
      continue;
    if (!Word(i + 3) || !T(i + 3).upper || Tx(i + 3).size() > 5) continue;
    // The candidate ending right before "(" is the company.
    for (size_t c = cands_.size(); c-- > 0;) {
      if (cands_[c].e > i) continue;
      if (cands_[c].e + 1 < i) break;
      if (cands_[c].type == EntityType::kOrg) {
        cands_[c].ticker = std::string(Tx(i + 3));
        Cand cd;
        cd.b = i + 3;
        cd.e = i + 4;
        cd.type = EntityType::kOrg;
        cd.strength = kSure;
        cd.key = cands_[c].key;
        cd.canon = cands_[c].canon;
        cd.ticker = cands_[c].ticker;
        // Drop a guess the run scan made of the symbol itself.
        for (Cand& o : cands_)
          if (o.b == i + 3) o.key.clear();
        cands_.push_back(std::move(cd));
      }
      break;
    }
  }
}

// "KestrelNet", "JetBlue": a lower-case letter followed by a capital inside one word. Names of
// people written so ("McAdam", "O'Neil") are left out.
bool Scanner::CamelCase(uint32_t i) const {
  if (!Word(i) || T(i).upper || T(i).lower_initial) return false;
  std::string_view w = Tx(i);
  if (w.size() < 4 || w.substr(0, 2) == "Mc" || w.substr(0, 3) == "Mac") return false;
  if (F(i) & (kGivenName | kSurname | kNotName)) return false;
  bool lower_seen = false;
  for (char ch : w) {
    if (ch == '\'' || ch == '-' || ch == '.') return false;
    if (ch >= 'a' && ch <= 'z') lower_seen = true;
    else if (ch >= 'A' && ch <= 'Z' && lower_seen) return true;
  }
  return false;
}

// "Kestrel is said to be considering an investment", "Kestrel agreed a $2 billion deal": a
// sentence's first word followed by a verb and, within a few words, a business noun.
bool Scanner::BusinessSubject(uint32_t i) const {
  if (!T(i).sentence_start || !Word(i + 1) || CapWord(i + 1)) return false;
  if (F(i) & (kGivenName | kSurname | kNotName | kRole | kRoleModifier | kHonorific)) return false;
  std::string_view w = Lower(i);
  if (w.size() < 3 || w.back() == 's') return false;  // "Analysts agreed ...": plural nouns
  std::string_view v = Lower(i + 1);
  if (!(v == "is" || v == "has" || v == "plans" || v == "agreed" || v == "announced" || v == "invested" ||
        v == "acquired" || v == "bought" || v == "reported" || v == "posted" || v == "raised" ||
        v == "signed" || v == "won" || v == "filed" || v == "sued" || v == "owns" || v == "employs"))
    return false;
  for (uint32_t k = i + 2; k < n_ && k < i + 12 && !T(k).sentence_start; ++k) {
    if (!Word(k)) continue;
    std::string_view x = Lower(k);
    if (x == "investment" || x == "stake" || x == "acquisition" || x == "deal" || x == "shares" ||
        x == "billion" || x == "million" || x == "funding" || x == "merger" || x == "contract" ||
        x == "revenue" || x == "profit" || x == "order" || x == "bid" || x == "customers" || x == "investors")
      return true;
  }
  return false;
}

}  // namespace corroborate::extract
