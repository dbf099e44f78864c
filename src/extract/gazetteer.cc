// Parses data/entities/ into the hash tables of gazetteer.h, once. Tested through entities_test.cc.
#include "extract/gazetteer.h"

#include <vector>

#include "core/embedded_data.h"

namespace corroborate::extract {
namespace {

// Calls f(fields) for each non-empty, non-comment line of a tab-separated list.
template <typename F>
void ForEachRow(std::string_view data, F&& f) {
  std::vector<std::string_view> fields;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) nl = data.size();
    std::string_view line = data.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    fields.clear();
    size_t s = 0;
    while (true) {
      size_t t = line.find('\t', s);
      fields.push_back(line.substr(s, t == std::string_view::npos ? std::string_view::npos : t - s));
      if (t == std::string_view::npos) break;
      s = t + 1;
    }
    f(fields);
  }
}

// "Cisco Systems, Inc." -> "cisco systems inc" : lower case, commas and word-final full stops
// dropped, single spaces; the keys entity_candidates.cc builds from tokens look the same.
// Written into the start of `out` (reused between rows: no allocation per name), through a pointer
// rather than a byte appended at a time, since tens of thousands of names are keyed at start-up.
std::string_view NameKey(std::string_view name, std::string& out) {
  out.resize(name.size());
  char* const begin = out.data();
  char* o = begin;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    if (c == ',') continue;
    if (c == '.' && (i + 1 == name.size() || name[i + 1] == ' ' || name[i + 1] == ',')) continue;
    if (c == ' ' && (o == begin || o[-1] == ' ')) continue;
    *o++ = (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c;
  }
  while (o != begin && o[-1] == ' ') --o;
  return std::string_view(begin, static_cast<size_t>(o - begin));
}

}  // namespace

void AppendLower(std::string& out, std::string_view s) {
  size_t at = out.size();
  out.resize(at + s.size());
  char* o = out.data() + at;
  for (char c : s) *o++ = (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c;
}

const Gazetteer& Gazetteer::Get() {
  // Built once (C++11 makes the initialisation thread-safe) and never destroyed: the tables live
  // until the process ends, and freeing them node by node at exit would only cost time.
  static const Gazetteer* g = new Gazetteer();
  return *g;
}

Gazetteer::Gazetteer() {
  companies_.Reserve(16384);
  tickers_.Reserve(8192);
  places_.Reserve(40000);
  words_.Reserve(32768);
  std::string key;  // NameKey's buffer
  // The first row for a key wins (as the lists are ordered), except place aliases, which override.
  auto add = [](auto& table, std::string_view key, const auto& value) {
    bool added = false;
    auto& v = table.Insert(key, HashWord(key), &added);
    if (added) v = value;
  };
  ForEachRow(EmbeddedData("entities/companies.tsv"), [&](const std::vector<std::string_view>& f) {
    if (f.size() < 3) return;
    CompanyInfo info{std::string(f[2]), std::string(f[0])};
    add(companies_, NameKey(f[1], key), info);
    add(companies_, NameKey(f[2], key), info);
    add(tickers_, f[0], info);
  });
  auto kind_of = [](std::string_view k) {
    if (k == "country") return PlaceKind::kCountry;
    if (k == "state") return PlaceKind::kState;
    if (k == "region") return PlaceKind::kRegion;
    return PlaceKind::kCity;
  };
  ForEachRow(EmbeddedData("entities/places.tsv"), [&](const std::vector<std::string_view>& f) {
    if (f.size() < 2) return;
    add(places_, NameKey(f[0], key), PlaceInfo{std::string(f[0]), kind_of(f[1])});
  });
  ForEachRow(EmbeddedData("entities/place_aliases.tsv"), [&](const std::vector<std::string_view>& f) {
    if (f.size() < 3) return;
    places_.Insert(NameKey(f[0], key)) = PlaceInfo{std::string(f[1]), kind_of(f[2])};
  });
  auto add_words = [&](std::string_view list, uint16_t flag) {
    size_t s = 0;
    while (s < list.size()) {
      size_t e = s;  // a plain loop: find_first_of searches its set of two for every byte
      while (e < list.size() && list[e] != ' ' && list[e] != '\n') ++e;
      if (e > s) words_.Insert(list.substr(s, e - s)) |= flag;
      s = e + 1;
    }
  };
  ForEachRow(EmbeddedData("entities/entity_words.tsv"), [&](const std::vector<std::string_view>& f) {
    if (f.size() < 2) return;
    std::string_view c = f[0];
    uint16_t flag = c == "org_suffix" ? kOrgSuffix : c == "org_prefix" ? kOrgPrefix : c == "generic" ? kGeneric
                  : c == "loc_suffix" ? kLocSuffix : c == "honorific" ? kHonorific : c == "role" ? kRole
                  : c == "role_modifier" ? kRoleModifier : c == "not_name" ? kNotName
                  : c == "event" ? kEvent : c == "nominal" ? kNominal
                  : c == "product_head" ? kProductHead : c == "product_cue" ? kProductCue
                  : c == "product_suffix" ? kProductSuffix : 0;
    if (flag) add_words(f[1], flag);
  });
  add_words(EmbeddedData("entities/role_words.txt"), kRole);
  add_words(EmbeddedData("entities/given_names.txt"), kGivenName);
  add_words(EmbeddedData("entities/surnames.txt"), kSurname);
  genders_.Reserve(8192);
  ForEachRow(EmbeddedData("entities/given_name_gender.tsv"), [&](const std::vector<std::string_view>& f) {
    if (f.size() < 2 || f[1].empty()) return;
    genders_.Insert(f[0]) = f[1][0] == 'f' ? Gender::kFemale : Gender::kMale;
  });
}

const CompanyInfo* Gazetteer::Company(std::string_view lower_name) const { return companies_.Find(lower_name); }

const CompanyInfo* Gazetteer::Ticker(std::string_view upper_symbol) const { return tickers_.Find(upper_symbol); }

const PlaceInfo* Gazetteer::Place(std::string_view lower_name) const { return places_.Find(lower_name); }

}  // namespace corroborate::extract
