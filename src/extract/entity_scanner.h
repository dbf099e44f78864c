// The entity scanner's internals, shared by the files that implement it: entities.cc (token
// facts, runs, the driver), entity_candidates.cc (typing capitalised runs), entity_resolve.cc
// (joining mentions into entities), entity_products.cc (models and products) and
// entity_nominals.cc ("the company"). Internal to the extract stage; tested through entities.h in
// entities_test.cc.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extract/entities.h"
#include "extract/entities_scan.h"
#include "extract/gazetteer.h"
#include "extract/word_table.h"

namespace corroborate::extract {

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

inline bool IsConnector(std::string_view w) {
  return w == "of" || w == "de" || w == "du" || w == "da" || w == "del" || w == "van" || w == "von" ||
         w == "der" || w == "den" || w == "la" || w == "le" || w == "for" || w == "y" || w == "al";
}

// The lower-case words a title-case headline keeps: "Acme in Talks for a Stake as Rivals Wait".
inline bool IsTitleFunctionWord(std::string_view w) {
  if (w.size() > 4) return false;
  return w == "a" || w == "an" || w == "the" || w == "of" || w == "in" || w == "on" || w == "at" ||
         w == "to" || w == "for" || w == "and" || w == "or" || w == "as" || w == "by" || w == "vs" ||
         w == "with" || w == "from" || w == "into" || w == "over" || w == "amid" || w == "per" || w == "but";
}

inline bool IsLegalAbbrev(std::string_view lower) {
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
    if (w.back() == 's' && w[w.size() - 2] == 'n') return IsDemonym(w.substr(0, w.size() - 1));  // "Singaporeans"
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
  // Candidates in token order, equal starts kept in the order found. They mostly arrive in order:
  // checking first spares moving every candidate (four strings each) through a merge sort.
  void SortCandidates() {
    auto by_start = [](const Cand& x, const Cand& y) { return x.b < y.b; };
    if (!std::is_sorted(cands_.begin(), cands_.end(), by_start))
      std::stable_sort(cands_.begin(), cands_.end(), by_start);
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
  void UnitParents();
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
  std::vector<uint8_t> hyphen_lower_;  // per capitalised word: "AI-driven", "Orbit-powered": an adjective
  std::vector<uint8_t> midcap_;  // per word id: opens a capitalised run mid-sentence somewhere
  std::vector<Cand> cands_;
  std::string key_buf_;
  std::unordered_map<std::string, int> by_key_;  // join key -> entity
  std::vector<int> mention_count_;
};

}  // namespace corroborate::extract
