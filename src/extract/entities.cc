// Entity extraction (see entities.h): capitalised runs are cut at role words and honorifics, each
// part typed by the gazetteers and by organisation/place/person words, then the article's mentions
// are joined into entities (legal suffixes, ".com", acronyms, tickers, first words, surnames,
// parents). A maker followed by a model number is one product whose parent is the maker; names
// the article treats as things launched or as model families become products; descriptive
// phrases ("the company", "the Oslo-based group") are marked nominal and joined to the
// organisation they stand for. Title-case lines (headlines, section labels) only yield names the
// body or the lists confirm. Tested in entities_test.cc.
#include "extract/entities.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "extract/entities_scan.h"
#include "extract/gazetteer.h"
#include "text/segment.h"

namespace corroborate {

const char* EntityTypeName(EntityType t) {
  switch (t) {
    case EntityType::kOrg: return "ORG";
    case EntityType::kPerson: return "PERSON";
    case EntityType::kLoc: return "LOC";
    case EntityType::kProduct: return "PRODUCT";
  }
  return "ORG";
}

namespace extract {
namespace {

constexpr uint32_t kMaxRun = 10;    // longer capitalised runs are read as title case
constexpr uint32_t kMaxNgram = 6;   // longest name looked up in title-case text

// How sure a candidate's type is: names the lists or unambiguous words settle beat guesses.
enum Strength : uint8_t { kConfirmOnly = 0, kGuess = 1, kLikely = 2, kSure = 3 };

struct Cand {
  uint32_t b = 0, e = 0;  // tokens
  EntityType type = EntityType::kOrg;
  Strength strength = kGuess;
  bool acronym = false;
  std::string key;    // join key: lower case, legal words and ".com" dropped
  std::string canon;  // display form of the key
  std::string ticker;
  std::string parent;  // a product's maker ("Acme" for "Acme A380")
  bool nominal = false;  // "the company": names `entity` without its name
  bool listed = false;   // the companies list knows it
  int entity = -1;
};

bool IsConnector(std::string_view w) {
  return w == "of" || w == "de" || w == "du" || w == "da" || w == "del" || w == "van" || w == "von" ||
         w == "der" || w == "den" || w == "la" || w == "le" || w == "for" || w == "y" || w == "al";
}

// The lower-case words a title-case headline keeps: "Acme in Talks for a Stake as Rivals Wait".
bool IsTitleFunctionWord(std::string_view w) {
  if (w.size() > 4) return false;
  return w == "a" || w == "an" || w == "the" || w == "of" || w == "in" || w == "on" || w == "at" ||
         w == "to" || w == "for" || w == "and" || w == "or" || w == "as" || w == "by" || w == "vs" ||
         w == "with" || w == "from" || w == "into" || w == "over" || w == "amid" || w == "per" || w == "but";
}

bool IsLegalAbbrev(std::string_view lower) {
  return lower == "inc" || lower == "corp" || lower == "co" || lower == "ltd" || lower == "jr" ||
         lower == "sr" || lower == "plc" || lower == "llc" || lower == "bros";
}

class Scanner {
 public:
  Scanner(const Article& a, EntityScan& s, EntityMentions& out)
      : g_(Gazetteer::Get()), a_(a), s_(s), out_(out), text_(a.text) {}

  void Run();

 private:
  // Token facts ---------------------------------------------------------------------------------
  const NToken& T(uint32_t i) const { return s_.tokens.items[i]; }
  std::string_view Tx(uint32_t i) const { return s_.tokens.Text(i); }
  bool Word(uint32_t i) const { return i < n_ && T(i).kind == NKind::kWord; }
  bool CapWord(uint32_t i) const { return Word(i) && (T(i).cap || T(i).upper) && !hyphen_lower_[i]; }
  uint16_t F(uint32_t i) const { return flags_[i]; }
  std::string_view Lower(uint32_t i) const {
    return std::string_view(lower_).substr(lower_at_[i], lower_at_[i + 1] - lower_at_[i]);
  }
  // The word is also written in lower case somewhere in the article.
  bool SeenLower(uint32_t i) const { return Word(i) && seen_lower_[word_id_[i]]; }
  // The word opens a capitalised run mid-sentence somewhere in the article.
  bool Midcap(uint32_t i) const { return Word(i) && midcap_[word_id_[i]]; }

  // "NAME said", "NAME, a ROLE": what follows a name that only a person's would take.
  bool SpeakerContext(uint32_t e) const {
    if (Word(e)) {
      std::string_view w = Lower(e);
      return w == "said" || w == "says" || w == "told" || w == "added" || w == "explained" || w == "wrote";
    }
    if (s_.tokens.IsPunct(e, ',')) return RolePhraseEnd(s_, e + 1, std::min(n_, e + 12)) > e + 1;
    return false;
  }
  // "Indonesian", "American": a place's adjective is no entity of its own.
  bool IsDemonym(std::string_view w) const {
    if (w.size() < 5) return false;
    std::string buf(w);
    auto place = [&](std::string_view k) { const PlaceInfo* p = g_.Place(k); return p && p->kind != PlaceKind::kCity; };
    if (w.back() == 'n' && (place(w.substr(0, w.size() - 1)) || place(w.substr(0, w.size() - 2)))) return true;
    if (w.size() > 6 && w.substr(w.size() - 3) == "ian") {
      buf = std::string(w.substr(0, w.size() - 3)) + "ia";
      if (place(buf)) return true;
    }
    if (w.back() == 'n' && w.size() > 4) {
      buf = std::string(w.substr(0, w.size() - 1)) + "y";  // German → Germany
      if (place(buf)) return true;
    }
    return false;
  }
  void PrepareTokens();
  void MarkTitleLines();
  void ScanRuns();
  void ClassifyRun(uint32_t b, uint32_t e);
  void ClassifySegment(uint32_t b, uint32_t e, bool person_cue, bool org_cue);
  void AddCand(uint32_t b, uint32_t e, EntityType t, Strength st, const CompanyInfo* c = nullptr,
               const PlaceInfo* p = nullptr);
  bool LookupSpan(uint32_t b, uint32_t e, EntityType& t, Strength& st, const CompanyInfo*& c,
                  const PlaceInfo*& p);
  void Key(uint32_t b, uint32_t e, std::string& key, std::string* display) const;
  void ScanTitleLines();
  void FindTickers();
  void Resolve();
  void ModelNames();
  void ProductTyping();
  void Nominals();
  bool CamelCase(uint32_t i) const;
  bool BusinessSubject(uint32_t i) const;
  void Emit();

  const Gazetteer& g_;
  const Article& a_;
  EntityScan& s_;
  EntityMentions& out_;
  std::string_view text_;
  uint32_t n_ = 0;
  std::vector<uint16_t> flags_;
  std::string lower_;              // every word token in lower case, end to end
  std::vector<uint32_t> lower_at_;  // token i's lower-case form is lower_[lower_at_[i], lower_at_[i+1])
  WordTable<uint32_t> ids_;          // lower-case word -> id, per article
  std::vector<uint32_t> word_id_;    // per token: its word's id (word tokens only)
  std::vector<uint8_t> seen_lower_;  // per word id: written in lower case somewhere
  std::vector<uint8_t> title_line_;  // per token: inside a title-case line
  std::vector<uint8_t> hyphen_lower_;  // per token: "AI-driven", "Orbit-powered": an adjective
  std::vector<uint8_t> midcap_;  // per word id: opens a capitalised run mid-sentence somewhere
  std::vector<Cand> cands_;
  std::string key_buf_;
  std::unordered_map<std::string, int> by_key_;  // join key -> entity
  std::vector<int> mention_count_;
};

void Scanner::PrepareTokens() {
  n_ = static_cast<uint32_t>(s_.tokens.size());
  flags_.assign(n_, 0);
  lower_.clear();
  lower_.reserve(text_.size());
  lower_at_.assign(n_ + 1, 0);
  for (uint32_t i = 0; i < n_; ++i) {
    lower_at_[i] = static_cast<uint32_t>(lower_.size());
    if (T(i).kind != NKind::kWord) continue;
    std::string_view w = Tx(i);
    if (w.size() > 1 && w.back() == '.') w.remove_suffix(1);
    AppendLower(lower_, w);
  }
  lower_at_[n_] = static_cast<uint32_t>(lower_.size());
  hyphen_lower_.assign(n_, 0);
  word_id_.assign(n_, 0);
  seen_lower_.clear();
  // One hash per word serves the lists' look-up and the article's own word ids.
  for (uint32_t i = 0; i < n_; ++i) {
    if (T(i).kind != NKind::kWord) continue;
    const std::string_view lw = Lower(i);
    const uint64_t hash = HashWord(lw);
    flags_[i] = g_.Flags(lw, hash);
    bool added = false;
    uint32_t& id = ids_.Insert(lw, hash, &added);
    if (added) {
      id = static_cast<uint32_t>(seen_lower_.size());
      seen_lower_.push_back(0);
    }
    word_id_[i] = id;
    if (!T(i).cap && !T(i).upper) seen_lower_[id] = 1;
    std::string_view w = Tx(i);
    size_t h = w.rfind('-');
    if (h != std::string_view::npos && h + 1 < w.size() && w[h + 1] >= 'a' && w[h + 1] <= 'z') hyphen_lower_[i] = 1;
  }
  midcap_.assign(seen_lower_.size(), 0);
  for (uint32_t i = 1; i < n_; ++i) {
    // Capitalised inside a sentence and not continuing another capitalised word: a name's start.
    if (CapWord(i) && !T(i).sentence_start && !T(i).newline_before && !CapWord(i - 1) &&
        !(T(i - 1).kind == NKind::kPunct && T(i - 1).cp != ',' && T(i - 1).cp != '('))
      midcap_[word_id_[i]] = 1;
  }
}

// A line is title case when its only lower-case words are a title's function words: headlines and section
// labels ("Market Voices"), whose capitals say nothing about names.
void Scanner::MarkTitleLines() {
  title_line_.assign(n_, 0);
  uint32_t line_b = 0;
  for (uint32_t i = 0; i <= n_; ++i) {
    if (i < n_ && !(i > line_b && T(i).newline_before)) continue;
    uint32_t words = 0, lower_long = 0, cap_words = 0;
    bool ends_stop = false;
    for (uint32_t k = line_b; k < i && lower_long == 0; ++k) {  // one plain word settles it
      if (T(k).kind == NKind::kWord) {
        ++words;
        if (T(k).cap || T(k).upper) ++cap_words;
        else if (!IsTitleFunctionWord(Lower(k))) ++lower_long;
      }
    }
    if (i > line_b) {
      const NToken& last = T(i - 1);
      ends_stop = last.kind == NKind::kPunct && (last.cp == '.' || last.cp == '!' || last.cp == '?');
    }
    bool title = words >= 2 && lower_long == 0 && cap_words >= 2 && (!ends_stop || words > kMaxRun);
    if (title) std::fill(title_line_.begin() + line_b, title_line_.begin() + i, 1);
    line_b = i;
  }
}

void Scanner::ScanRuns() {
  uint32_t i = 0;
  while (i < n_) {
    if (title_line_[i] || !CapWord(i)) {
      ++i;
      continue;
    }
    uint32_t j = i + 1, last = i;
    while (j < n_ && j - i < 3 * kMaxRun) {
      const NToken& t = T(j);
      if (t.newline_before || title_line_[j]) break;
      if (t.sentence_start && !(T(j - 1).kind == NKind::kPunct && T(j - 1).cp == '.')) break;
      if (CapWord(j)) {
        last = j++;
        continue;
      }
      // "Dr. Lena", "Maria L. Ortega", "Globex.com Inc. (": a full stop after an abbreviation.
      if (t.kind == NKind::kPunct && t.cp == '.' && !t.space_before && last == j - 1) {
        std::string_view w = Lower(j - 1);
        bool abbrev = (F(j - 1) & kHonorific) || w.size() == 1 || IsLegalAbbrev(w) || w == "st" || w == "mt";
        if (abbrev && CapWord(j + 1) && !T(j + 1).newline_before && !IsLegalAbbrev(w)) {
          j += 1;
          continue;
        }
        break;
      }
      if (t.sentence_start) break;
      if (Word(j) && !t.cap && CapWord(j + 1) && !T(j + 1).newline_before && !T(j + 1).sentence_start &&
          (IsConnector(Lower(j)) || (Lower(j) == "the" && j > i && Lower(j - 1) == "of"))) {
        ++j;
        continue;
      }
      if (t.kind == NKind::kPunct && t.cp == '&' && CapWord(j + 1)) {
        ++j;
        continue;
      }
      break;
    }
    // Title-case runs too long to be one name are read like title lines.
    if (last + 1 - i > kMaxRun) {
      std::fill(title_line_.begin() + i, title_line_.begin() + last + 1, 1);
    } else {
      ClassifyRun(i, last + 1);
    }
    i = last + 1;
  }
}

// Cuts a run at honorifics and role words: "Globex CEO Jane Doe" is an organisation, a role
// and a person; "Senior Portfolio Manager" is only a role.
void Scanner::ClassifyRun(uint32_t b, uint32_t e) {
  // Leading words that only open a sentence: "The", "According", "However".
  while (b < e && (F(b) & kNotName) && !(F(b) & (kHonorific | kRole | kRoleModifier)) &&
         (T(b).sentence_start || Lower(b) == "the" || Lower(b) == "a" || Lower(b) == "an" || e == b + 1) &&
         !((F(b) & kGivenName) && b + 1 < e && CapWord(b + 1) && !T(b).sentence_start)) {
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
  if (words >= 2 && words <= 4 && (F(b) & kGivenName) && !(F(b) & kNotName) && !(F(last) & kOrgSuffix) &&
      !T(last).upper && !org_cue && Tx(last).size() >= 2)
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

// Joins candidates into entities. Order matters: sure names first, so that guesses and
// confirm-only words can join them.
void Scanner::Resolve() {
  std::stable_sort(cands_.begin(), cands_.end(), [](const Cand& x, const Cand& y) { return x.b < y.b; });
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

// "Acme 737", "Acme 787 Skyliner", "Acme 737s": a maker followed by a model number is one product
// named with its maker. Years and amounts are no model numbers. Runs before Resolve.
void Scanner::ModelNames() {
  auto model = [&](uint32_t i) {
    if (i >= n_ || T(i).newline_before || T(i).sentence_start || title_line_[i]) return false;
    std::string_view w = Tx(i);
    size_t d = 0;
    while (d < w.size() && w[d] >= '0' && w[d] <= '9') ++d;
    if (d < 3 || d > 4) return false;
    if (d == 4 && (w[0] == '1' || w[0] == '2')) return false;  // 1990, 2008: a year
    std::string_view rest = w.substr(d);
    if (!(rest.empty() || rest == "s" || (rest[0] == '-' && rest.size() > 1))) return false;
    // "Acme 500 million": an amount.
    if (i + 1 < n_ && Word(i + 1) && !CapWord(i + 1)) {
      std::string_view nx = Lower(i + 1);
      if (nx == "million" || nx == "billion" || nx == "trillion" || nx == "percent" || nx == "jobs" ||
          nx == "employees" || nx == "workers" || nx == "people" || nx == "staff" || nx == "shares")
        return false;
    }
    return true;
  };
  size_t n = cands_.size();
  for (size_t ci = 0; ci < n; ++ci) {
    Cand& c = cands_[ci];
    if (c.key.empty() || c.type != EntityType::kOrg || c.acronym || !model(c.e)) continue;
    std::string_view last = Lower(c.e - 1);
    if (last == "flight" || last == "route" || last == "gate" || last == "terminal" || last == "street") continue;
    uint32_t e2 = c.e + 1;
    while (e2 < n_ && e2 < c.e + 3 && CapWord(e2) && !T(e2).newline_before && !T(e2).sentence_start &&
           !(F(e2) & kNotName))
      ++e2;
    c.parent = c.canon;
    c.type = EntityType::kProduct;
    c.strength = kLikely;
    c.ticker.clear();
    // Key: the model's words, numbers included ("737", "787 skyliner"); "737s" is the 737.
    c.key.clear();
    for (uint32_t k = c.e; k < e2; ++k) {
      std::string_view w = Tx(k);
      if (k == c.e && w.size() == 4 && w.back() == 's') w.remove_suffix(1);
      if (!c.key.empty()) c.key += ' ';
      AppendLower(c.key, w);
      c.canon += ' ';
      c.canon += w;
    }
    for (size_t k = ci + 1; k < n && cands_[k].b < e2; ++k) cands_[k].key.clear();
    c.e = e2;
  }
}

// An organisation nobody lists that the article treats as a product ("the launch of Kestrel",
// "its Kestrel models", "787 Skyliner") is a product. Names the lists or a legal or organisation
// word make sure stay organisations.
void Scanner::ProductTyping() {
  std::vector<uint8_t> sure(out_.entities.size(), 0);
  std::vector<uint32_t> product(out_.entities.size(), 0), mentions(out_.entities.size(), 0);
  std::vector<int> entity_at(n_, -1);  // per token: the entity whose mention holds it
  for (const Cand& c : cands_)
    if (c.entity >= 0 && !c.nominal)
      for (uint32_t k = c.b; k < c.e; ++k) entity_at[k] = c.entity;
  for (const Cand& c : cands_) {
    if (c.entity < 0 || c.nominal) continue;
    if (c.strength >= kSure && c.type == EntityType::kOrg) sure[c.entity] = 1;
    if (out_.entities[c.entity].type != EntityType::kOrg) continue;
    ++mentions[c.entity];
    bool cue = false;
    // "its Kestrel models", "the Kestrel family": not "rival Kestrel models", a maker's.
    // The determiner may stand before an adjective or two: "the new Kestrel line".
    bool determiner = false;
    for (uint32_t k = c.b; k > 0 && k + 3 > c.b && Word(k - 1) && !determiner; --k) {
      std::string_view det = Lower(k - 1);
      determiner = det == "its" || det == "their" || det == "the" || det == "his" || det == "her" ||
                   det == "a" || det == "an";
      if (CapWord(k - 1)) break;
    }
    if (determiner && c.e < n_ && Word(c.e) && !CapWord(c.e) && (F(c.e) & kProductHead)) {
      cue = Lower(c.e) != "operating" || (c.e + 1 < n_ && Word(c.e + 1) && Lower(c.e + 1) == "system");
    }
    if (c.b >= 2 && Word(c.b - 1) && Lower(c.b - 1) == "of" && Word(c.b - 2) && (F(c.b - 2) & kProductCue))
      cue = true;
    if (c.b >= 1 && Word(c.b - 1) && !CapWord(c.b - 1) && (F(c.b - 1) & kProductCue)) cue = true;
    // "web browser Kestrel", "its operating system, Kestrel": a product noun just before the name.
    uint32_t before = c.b >= 2 && s_.tokens.IsPunct(c.b - 1, ',') ? c.b - 1 : c.b;
    if (before >= 1 && Word(before - 1) && !CapWord(before - 1) && (F(before - 1) & kProductHead)) cue = true;
    // "Kestrel, the newest version of ...": an apposition calling the name a product.
    if (s_.tokens.IsPunct(c.e, ',')) {
      for (uint32_t k = c.e + 1; k < n_ && k < c.e + 5 && Word(k) && !CapWord(k); ++k)
        if (F(k) & (kProductCue | kProductHead)) {
          cue = Lower(c.e + 1) == "the" || Lower(c.e + 1) == "a" || Lower(c.e + 1) == "an";
          break;
        }
    }
    if (c.b >= 1 && T(c.b - 1).kind == NKind::kNumber && !T(c.b).sentence_start && !T(c.b).newline_before &&
        T(c.b - 1).end + 1 == T(c.b).start && Tx(c.b - 1).size() == 3 && Tx(c.b - 1)[0] != '0' &&
        !(c.b >= 2 && T(c.b - 2).kind == NKind::kPunct && T(c.b - 2).end == T(c.b - 1).start) &&
        Tx(c.b - 1).find_first_not_of("0123456789") == std::string_view::npos)
      cue = true;  // "787 Skyliner"; not "2009 | Acme", "5,000 VIP guests"
    // "Kestrel's Falcon": an unlisted name an organisation owns is its product. Acronyms are left
    // out ("Kestrel's CFO", "Kestrel's AWS" may be units or roles).
    if (c.b >= 2 && T(c.b - 1).possessive && !T(c.b).upper && entity_at[c.b - 2] >= 0 &&
        entity_at[c.b - 2] != c.entity && out_.entities[entity_at[c.b - 2]].type == EntityType::kOrg)
      cue = true;
    if (cue) ++product[c.entity];
  }
  // At least half its mentions must say so: an organisation that acts all through the article
  // stays one even if one phrase reads like a product's.
  for (size_t i = 0; i < out_.entities.size(); ++i)
    if (product[i] && 2 * product[i] >= mentions[i] && !sure[i] && out_.entities[i].type == EntityType::kOrg)
      out_.entities[i].type = EntityType::kProduct;
  for (const Cand& c : cands_)
    if (c.entity >= 0 && !c.parent.empty() && out_.entities[c.entity].parent.empty())
      out_.entities[c.entity].parent = c.parent;
}

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
  std::stable_sort(cands_.begin(), cands_.end(), [](const Cand& x, const Cand& y) { return x.b < y.b; });
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

void Scanner::Emit() {
  std::stable_sort(cands_.begin(), cands_.end(), [](const Cand& x, const Cand& y) { return x.b < y.b; });
  s_.names.clear();
  s_.name_at.assign(n_, -1);
  uint32_t covered = 0;
  for (const Cand& c : cands_) {
    if (c.entity < 0 || c.b < covered) continue;
    uint32_t end_byte = T(c.e - 1).end;
    // "Inc." and "Corp." keep their full stop.
    if (c.e < n_ && s_.tokens.IsPunct(c.e, '.') && !T(c.e).space_before && IsLegalAbbrev(Lower(c.e - 1)))
      end_byte = T(c.e).end;
    EntityMention m;
    m.start = T(c.b).start;
    m.end = end_byte;
    m.entity = static_cast<uint32_t>(c.entity);
    m.nominal = c.nominal;
    out_.mentions.push_back(m);
    s_.names.push_back({c.b, c.e, c.entity, c.nominal});
    for (uint32_t k = c.b; k < c.e; ++k) s_.name_at[k] = static_cast<int32_t>(s_.names.size() - 1);
    covered = c.e;
  }
}

void Scanner::Run() {
  TokenizeNames(text_, a_.sentences, s_.tokens);
  PrepareTokens();
  MarkTitleLines();
  ScanRuns();
  FindTickers();
  ModelNames();
  Resolve();
  size_t before = cands_.size();
  ScanTitleLines();
  if (cands_.size() > before) {
    for (size_t k = before; k < cands_.size(); ++k) {
      if (cands_[k].entity >= 0) continue;
      auto it = by_key_.find(cands_[k].key);
      if (it != by_key_.end()) {
        cands_[k].entity = it->second;
      } else {
        Entity en;
        en.type = cands_[k].type;
        en.canonical = cands_[k].canon;
        cands_[k].entity = static_cast<int>(out_.entities.size());
        out_.entities.push_back(std::move(en));
        by_key_.emplace(cands_[k].key, cands_[k].entity);
      }
    }
  }
  ProductTyping();
  Nominals();
  Emit();
}

}  // namespace
}  // namespace extract

EntityMentions ExtractEntities(const Article& article) {
  EntityMentions out;
  thread_local extract::EntityScan scan;
  scan.names.clear();
  scan.roles.clear();
  if (article.sentences.empty() && !article.text.empty()) {
    // Callers that skipped cleaning (unit tests): segment here. Copies the article once.
    Article a = article;
    a.paragraphs = FindParagraphs(a.text);
    a.sentences = FindSentences(a.text, a.paragraphs);
    if (!a.sentences.empty()) return ExtractEntities(a);
  }
  extract::Scanner(article, scan, out).Run();
  extract::AttachRoles(scan, out);
  extract::FindQuotes(article, scan, out);
  scan.tokens.text = {};
  return out;
}

}  // namespace corroborate
