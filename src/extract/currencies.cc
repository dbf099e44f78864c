// Currency lookup over data/currencies.tsv (see currencies.h). Tested through extract_test.cc.
#include "extract/currencies.h"

#include <cstring>
#include <string_view>

#include "core/embedded_data.h"
#include "extract/word_table.h"

namespace corroborate::extract {
namespace {

enum Role : uint8_t { kPrefix = 1, kSuffix = 2 };

struct Entry {
  char code[4] = {0, 0, 0, 0};
  uint8_t roles = 0;
  bool capitals_only = false;  // an English word unless written as an ISO code ("ALL", "CAD")
  double divisor = 1;
};

// Forms are keyed without spaces, lower case: "u.s. $" -> "u.s.$", "swiss francs" -> "swissfrancs",
// so that "US $" and "us$" meet the same entry. Full stops stay: "francs." is not a form.
void AppendKey(std::string& key, std::string_view form) {
  for (unsigned char c : form) {
    if (c == ' ') continue;
    key.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : static_cast<char>(c));
  }
}

struct Table {
  WordTable<Entry> forms;
  WordTable<Entry> iso;  // upper-case ISO codes only
};

const Table& Currencies() {
  static const Table* table = [] {
    auto* t = new Table();
    std::string_view data = EmbeddedData("currencies.tsv");
    while (!data.empty()) {
      size_t nl = data.find('\n');
      std::string_view line = data.substr(0, nl);
      data = nl == std::string_view::npos ? std::string_view() : data.substr(nl + 1);
      if (line.empty() || line[0] == '#') continue;
      std::string_view f[5];
      for (int k = 0; k < 5; ++k) {
        size_t tab = line.find('\t');
        f[k] = line.substr(0, tab);
        line = tab == std::string_view::npos ? std::string_view() : line.substr(tab + 1);
      }
      Entry e;
      if (f[1].size() == 3) std::memcpy(e.code, f[1].data(), 3);
      e.roles = f[2] == "prefix" ? kPrefix : f[2] == "suffix" ? kSuffix : (kPrefix | kSuffix);
      e.divisor = f[3] == "100" ? 100 : 1;
      e.capitals_only = f[4] == "1";
      std::string key;
      AppendKey(key, f[0]);
      if (key.empty()) continue;
      bool added = false;  // the first row for a form wins
      Entry& slot = t->forms.Insert(key, HashWord(key), &added);
      if (added) slot = e;
      if (f[0].size() == 3 && f[1].size() == 3 && key == std::string{static_cast<char>(f[1][0] | 0x20),
                                                                     static_cast<char>(f[1][1] | 0x20),
                                                                     static_cast<char>(f[1][2] | 0x20)})
        if (!t->iso.Find(f[1])) t->iso.Insert(f[1]) = e;
    }
    return t;
  }();
  return *table;
}

// Whether tokens [b, e) may form one currency name: words, symbols and the full stops of "U.S.",
// with no line break inside.
bool Joinable(const Tokens& t, size_t b, size_t e) {
  if (t.Is(b, '.')) return false;  // a sentence's full stop is never part of the name
  for (size_t k = b; k < e; ++k) {
    const Token& x = t.items[k];
    if (k > b && x.break_before && x.cp != '.') return false;
    if (x.kind == TokKind::kDigits) return false;
    if (x.kind == TokKind::kPunct && x.cp != '.' && x.cp != '$') return false;
  }
  return true;
}

bool Look(const Tokens& t, size_t b, size_t e, uint8_t role, CurrencyMatch& out) {
  if (!Joinable(t, b, e)) return false;
  thread_local std::string key;
  key.clear();
  for (size_t k = b; k < e; ++k) AppendKey(key, t.Text(k));
  if (key.empty() || key.size() > 40) return false;
  const Table& table = Currencies();
  const Entry* found = table.forms.Find(key);
  if (!found) return false;
  const Entry& en = *found;
  // A three-letter code may stand on either side ("rmb 10", "10 rmb") whatever the list says.
  bool code_like = e == b + 1 && key.size() == 3 && en.code[0] != 0;
  if (!(en.roles & role) && !code_like) return false;
  // Words such as "all" or "cad" are currencies only as capitals, and not at a sentence start
  // where "ALL 5 solutions" is shouting.
  if (en.capitals_only && !(e == b + 1 && t.items[b].upper && !t.items[b].break_before)) return false;
  std::memcpy(out.code, en.code, 4);
  out.divisor = en.divisor;
  out.multiplier = 1;
  out.begin = b;
  out.end = e;
  return true;
}

// "MEUR", "MUSD": millions of a currency, as financial tables write them.
bool MillionsCode(const Tokens& t, size_t i, CurrencyMatch& out) {
  if (i >= t.size() || t.items[i].kind != TokKind::kWord) return false;
  std::string_view w = t.Text(i);
  if (w.size() != 4 || (w[0] | 0x20) != 'm') return false;
  char up[4] = {static_cast<char>(w[1] & ~0x20), static_cast<char>(w[2] & ~0x20), static_cast<char>(w[3] & ~0x20), 0};
  const Table& table = Currencies();
  if (!table.iso.Find(std::string_view(up, 3))) return false;
  std::memcpy(out.code, up, 4);
  out.multiplier = 1e6;
  out.divisor = 1;
  out.begin = i;
  out.end = i + 1;
  return true;
}

// "NZD$", "AUD$": an ISO code glued to a dollar sign.
bool CodeWithDollar(const Tokens& t, size_t i, CurrencyMatch& out) {
  if (i + 1 >= t.size() || t.items[i].kind != TokKind::kWord || !t.Is(i + 1, '$') || !t.Glued(i + 1)) return false;
  std::string_view w = t.Text(i);
  if (w.size() != 3) return false;
  char up[4] = {static_cast<char>(w[0] & ~0x20), static_cast<char>(w[1] & ~0x20), static_cast<char>(w[2] & ~0x20), 0};
  const Table& table = Currencies();
  if (!table.iso.Find(std::string_view(up, 3))) return false;
  std::memcpy(out.code, up, 4);
  out.multiplier = 1;
  out.divisor = 1;
  out.begin = i;
  out.end = i + 2;
  return true;
}

}  // namespace

bool CurrencyBefore(const Tokens& t, size_t number, CurrencyMatch& out) {
  constexpr size_t kMaxTokens = 5;  // "u . s . $"
  for (size_t n = kMaxTokens; n >= 1; --n) {
    if (n > number) continue;
    size_t b = number - n;
    // Only short spans can be a prefix; a long one must end in a symbol ("hong kong $").
    const Token& last = t.items[number - 1];
    if (n > 1 && last.kind == TokKind::kWord && !(n == 2 && last.upper)) continue;
    if (Look(t, b, number, kPrefix, out)) return true;
    if (n == 2 && CodeWithDollar(t, b, out)) return true;
  }
  return number >= 1 && MillionsCode(t, number - 1, out);
}

bool CurrencyBetween(const Tokens& t, size_t b, size_t e, CurrencyMatch& out) {
  if (e <= b || e - b > 5) return false;
  const Token& last = t.items[e - 1];
  if (e - b > 1 && last.kind == TokKind::kWord && !(e - b == 2 && last.upper)) return false;
  if (Look(t, b, e, kPrefix, out)) return true;
  if (e - b == 2 && CodeWithDollar(t, b, out)) return true;
  return e - b == 1 && MillionsCode(t, b, out);
}

bool CurrencyAfter(const Tokens& t, size_t at, CurrencyMatch& out) {
  constexpr size_t kMaxTokens = 4;  // "united states dollars"
  for (size_t n = kMaxTokens; n >= 1; --n) {
    if (at + n > t.size()) continue;
    if (t.items[at].kind == TokKind::kPunct && t.items[at].cp != '$') return false;
    if (Look(t, at, at + n, kSuffix, out)) {
      // a name must end at a word boundary: "10 dollarsign" is not dollars
      return true;
    }
  }
  return MillionsCode(t, at, out);
}

}  // namespace corroborate::extract
