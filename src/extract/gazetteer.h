// The word and name lists entity extraction consults (data/entities/: listed companies and tickers,
// countries, states and cities, given names with their usual sex, surnames, job-title words, and
// our own lists of organisation/place/role words), parsed once on first use into flat hash tables
// (word_table.h).
// Tested through entities_test.cc.
//
//   const Gazetteer& g = Gazetteer::Get();   // thread-safe, built once
//   if (const CompanyInfo* c = g.Company("globex.com inc.")) ...   // keys are lower case
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "extract/word_table.h"

namespace corroborate::extract {

struct CompanyInfo {
  std::string short_name;  // the name news uses: "Cisco" for "Cisco Systems, Inc."
  std::string ticker;
};

enum class PlaceKind : uint8_t { kCountry, kState, kCity, kRegion };
struct PlaceInfo {
  std::string canonical;  // "United States" for "U.S."
  PlaceKind kind = PlaceKind::kCity;
};

enum class Gender : uint8_t { kUnknown, kMale, kFemale };

// Word categories of data/entities/entity_words.tsv.
enum WordFlag : uint16_t {
  kOrgSuffix = 1, kOrgPrefix = 2, kGeneric = 4, kLocSuffix = 8, kHonorific = 16, kRole = 32,
  kRoleModifier = 64, kNotName = 128, kGivenName = 256, kSurname = 512, kEvent = 1024,
  kNominal = 2048,      // "company", "startup", "giant": a noun that can stand for an organisation
  kProductHead = 4096,  // "models", "app", "jets": a noun after a name that makes it a product's
  kProductCue = 8192,   // "launch", "release", "version": "the launch of NAME" names a product
  kProductSuffix = 16384,  // "Pro", "Mini", "Nano": a name ending in one names a product model
};

class Gazetteer {
 public:
  static const Gazetteer& Get();

  // Keys are lower case with single spaces: "cisco systems", "new york".
  const CompanyInfo* Company(std::string_view lower_name) const;
  const CompanyInfo* Ticker(std::string_view upper_symbol) const;  // "GLBX"
  const PlaceInfo* Place(std::string_view lower_name) const;
  // WordFlag bits of one lower-case word (0 when it is in no list); `hash` = HashWord(lower_word)
  // for callers that look the same word up in several tables.
  uint16_t Flags(std::string_view lower_word) const { return Flags(lower_word, HashWord(lower_word)); }
  uint16_t Flags(std::string_view lower_word, uint64_t hash) const {
    const uint16_t* f = words_.Find(lower_word, hash);
    return f ? *f : 0;
  }

  // The sex a given name is far more common for (data/entities/given_name_gender.tsv), else kUnknown.
  Gender GivenNameGender(std::string_view lower_word) const {
    const Gender* g = genders_.Find(lower_word);
    return g ? *g : Gender::kUnknown;
  }

  size_t company_count() const { return companies_.size(); }
  size_t place_count() const { return places_.size(); }

 private:
  Gazetteer();
  WordTable<CompanyInfo> companies_;
  WordTable<CompanyInfo> tickers_;
  WordTable<PlaceInfo> places_;
  WordTable<uint16_t> words_;
  WordTable<Gender> genders_;
};

// ASCII lower case of `s` appended to `out` (other bytes copied as they are).
void AppendLower(std::string& out, std::string_view s);

}  // namespace corroborate::extract
