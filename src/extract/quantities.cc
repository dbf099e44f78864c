// The quantity scanner (see quantities.h). Tested in quantities_test.cc.
#include "extract/quantities.h"

#include <cmath>
#include <cstring>
#include <string_view>

#include "extract/currencies.h"
#include "extract/number_parser.h"
#include "extract/quantity_forms.h"

namespace corroborate::extract {
namespace {

bool IsDash(const Tokens& t, size_t i) {
  return t.Is(i, '-') || t.Is(i, 0x2013) || t.Is(i, 0x2014) || t.Is(i, 0x2012);
}

// One amount: an optional currency, a number, an optional unit after it.
struct Amount {
  size_t begin = 0, end = 0;  // tokens
  NumberMatch num;
  bool has_currency = false;
  bool currency_after = false;
  CurrencyMatch cur;
  bool percent = false;
  bool negative = false;
  double value = 0;
};

// A percent sign or word at j: returns tokens used.
size_t PercentAt(const Tokens& t, size_t j) {
  if (t.Is(j, '%') || t.Is(j, 0xFF05)) return 1;
  if (t.IsWord(j, W_PERCENT) || t.IsWord(j, W_PERCENTS) || t.IsWord(j, W_PCT)) {
    if (t.IsWord(j, W_PCT) && t.Is(j + 1, '.') && t.Glued(j + 1)) return 2;
    return 1;
  }
  if (t.IsWord(j, W_PERCENTAGE)) return t.IsWord(j + 1, W_POINTS) ? 2 : 1;
  if (t.IsWord(j, W_PER) && t.IsWord(j + 1, W_CENT)) return 2;
  return 0;
}

// Whether a number at n is glued to letters before it ("A380", "F-16" is not: the hyphen is apart).
bool GluedToWordBefore(const Tokens& t, size_t n) {
  if (n == 0 || !t.Glued(n)) return false;
  const Token& p = t.items[n - 1];
  // Letters, or the punctuation of addresses and query strings ("q=30%25", "_2020").
  return p.kind == TokKind::kWord || p.cp == '=' || p.cp == '&' || p.cp == '_' || p.cp == '?' || p.cp == '#' ||
         p.cp == '@';
}

bool ReadAmount(const Tokens& t, size_t i, bool allow_prefix, Amount& a, size_t& skip_to) {
  a = Amount{};
  skip_to = 0;
  size_t n = i;
  if (allow_prefix && !StartsNumber(t, i)) {
    // A currency before the number: "$", "US$", "c $", "USD", "€".
    const Token& k = t.items[i];
    if (k.kind == TokKind::kDigits) return false;
    // Only symbols and short or capitalised words open a currency ("$", "US$", "c $", "USD",
    // "Hong Kong $"); testing nothing else keeps the scan cheap.
    if (k.kind == TokKind::kWord && !(k.capitalized || k.end - k.start <= 4)) return false;
    // The "s" of a possessive ("the company's $70 offer") opens no currency (it is no "S$").
    if (k.kind == TokKind::kWord && i > 0 && t.Glued(i) && (t.Is(i - 1, '\'') || t.Is(i - 1, 0x2019))) return false;
    if (k.kind == TokKind::kPunct && k.cp != '$') return false;
    bool found = false;
    for (size_t len = 1; len <= 5 && i + len < t.size(); ++len) {
      const Token& x = t.items[i + len];
      bool digits_next = x.kind == TokKind::kDigits || (x.kind == TokKind::kWord && StartsNumber(t, i + len) &&
                                                        x.lex.cat != Cat::kWord);
      if (!digits_next) continue;
      CurrencyMatch cm;
      if (CurrencyBetween(t, i, i + len, cm)) {
        a.cur = cm;
        a.has_currency = true;
        n = i + len;
        found = true;
        break;
      }
    }
    if (!found) return false;
  } else if (!StartsNumber(t, i)) {
    return false;
  }
  // A sign: "-9.5" or "minus five" (not the hyphen of "SCP-173" or "2-3").
  size_t begin = a.has_currency ? i : n;
  if (!a.has_currency && n > 0 && t.Is(n - 1, '-') && t.Glued(n) && t.IsDigits(n) &&
      (n == 1 || t.items[n - 1].space_before)) {
    a.negative = true;
    begin = n - 1;
  }
  if (!a.has_currency && n > 0 && (t.IsWord(n - 1, W_MINUS) || t.IsWord(n - 1, W_NEGATIVE))) {
    a.negative = true;
    begin = n - 1;
  }
  if (!a.has_currency && GluedToWordBefore(t, n)) {
    // "USD34.6", "usd115" are currencies glued to the amount; any other word glued to digits is a code.
    CurrencyMatch cm;
    if (CurrencyBefore(t, n, cm) && cm.end == n) {
      a.cur = cm;
      a.has_currency = true;
      begin = cm.begin;
    } else {
      NumberMatch m;
      ParseNumber(t, n, false, m);
      skip_to = m.end > n ? m.end : n + 1;
      return false;
    }
  }
  if (!ParseNumber(t, n, a.has_currency, a.num)) return false;
  size_t j = a.num.end;
  if (!a.num.representable || a.num.ordinal) {
    skip_to = j;
    return false;
  }
  // Times ("10:30") and codes glued to letters ("180ml", "5G", "29km") are not quantities.
  if (t.Is(j, ':') && t.Glued(j) && t.IsDigits(j + 1) && t.Glued(j + 1)) {
    skip_to = j + 2;
    return false;
  }
  a.begin = begin;
  double v = a.num.value;
  if (size_t p = PercentAt(t, j)) {
    a.percent = true;
    j += p;
  } else if (!a.has_currency) {
    CurrencyMatch cm;
    // A currency glued to the next number belongs to it ("3 USD50 cards"), as does a "$" that
    // opens the next amount ("10 $ 30 $" is two amounts with the sign after each).
    // A hyphenated unit: "a 12-cent dividend", "a one-yen bid".
    size_t cj = (IsDash(t, j) && t.Glued(j) && t.Glued(j + 1) && j + 1 < t.size() &&
                 t.items[j + 1].kind == TokKind::kWord) ? j + 1 : j;
    if (cj < t.size() && CurrencyAfter(t, cj, cm) &&
        !(t.IsDigits(cm.end) && t.Glued(cm.end) && !t.Glued(cj))) {
      a.cur = cm;
      a.has_currency = true;
      a.currency_after = true;
      j = cm.end;
      // "75 USD million"
      if (!a.num.scaled) {
        int s = ScaleOf(t, j, true);
        if (s > 0 && t.items[j].space_before) {
          v *= std::pow(10.0, s);
          ++j;
        }
      }
      // "thirteen dollars and forty-five cents"
      size_t k = t.IsWord(j, W_AND) ? j + 1 : j;
      NumberMatch cents;
      CurrencyMatch minor;
      if (cm.divisor == 1 && k < t.size() && ParseNumber(t, k, false, cents) && cents.representable &&
          cents.value < 100 && cents.value > 0 && CurrencyAfter(t, cents.end, minor) && minor.divisor == 100) {
        v += cents.value / 100;
        j = minor.end;
      } else if (cm.divisor == 1 && k < t.size() && ParseNumber(t, k, false, cents) && cents.representable &&
                 cents.value >= 1 && cents.value < 100 && !cents.fraction && !cents.scaled &&
                 (cents.end >= t.size() || (t.items[cents.end].kind == TokKind::kPunct && !CurrencyAfter(t, cents.end, minor)) ||
                  (k > j && (t.IsWord(cents.end, W_AND) || t.IsWord(cents.end, W_OR))))) {
        v += cents.value / 100;  // "15 dollars 50", "17 USD 25": the minor unit left unsaid
        j = cents.end;
      }
    }
  }
  if (j < t.size() && t.Glued(j) && t.items[j].kind == TokKind::kWord && !a.percent) {
    skip_to = j + 1;  // "180ml", "5G": a unit or a code
    return false;
  }
  if (a.has_currency) {
    v = v * a.cur.multiplier / a.cur.divisor;
  }
  if (a.negative) v = -v;
  if (!std::isfinite(v) || std::fabs(v) > 1e18) {
    skip_to = j;
    return false;
  }
  a.value = v;
  a.end = j;
  return true;
}

// The qualifier written just before token b; *from receives the token its words begin at (b when
// there are none), so that a statement's words can include its hedge ("up to $50 billion").
Qualifier QualifierBefore(const Tokens& t, size_t b, size_t* from) {
  auto w = [&](size_t back, W word) { return b >= back && t.IsWord(b - back, word); };
  auto at = [&](size_t back, Qualifier q) {
    *from = b - back;
    return q;
  };
  *from = b;
  if (b >= 1 && t.Is(b - 1, '.') && w(2, W_APPROX)) return at(2, Qualifier::kAbout);  // "approx."
  if (w(1, W_TO) && w(2, W_UP)) return at(2, Qualifier::kUpTo);
  if (w(1, W_TO) && w(2, W_CLOSE)) return at(2, Qualifier::kAbout);
  if (w(1, W_AS) && (w(2, W_MUCH) || w(2, W_MANY)) && w(3, W_AS)) return at(3, Qualifier::kUpTo);
  if (w(1, W_THAN) && w(2, W_MORE)) return w(3, W_NOR) ? at(3, Qualifier::kUpTo) : at(2, Qualifier::kMoreThan);
  if (w(1, W_THAN) && (w(2, W_LESS) || w(2, W_FEWER))) return w(3, W_NOR) ? at(3, Qualifier::kAtLeast) : at(2, Qualifier::kLessThan);
  if (w(1, W_LEAST) && w(2, W_AT)) return at(2, Qualifier::kAtLeast);
  if (w(1, W_OF) && w(2, W_EXCESS) && w(3, W_IN)) return at(3, Qualifier::kMoreThan);
  if (w(1, W_ABOUT) || w(1, W_AROUND) || w(1, W_ROUGHLY) || w(1, W_APPROXIMATELY) || w(1, W_APPROX) ||
      w(1, W_NEARLY) || w(1, W_ALMOST) || w(1, W_SOME) || w(1, W_ESTIMATED))
    return at(1, Qualifier::kAbout);
  if (w(1, W_OVER) || w(1, W_ABOVE) || w(1, W_BEYOND)) return at(1, Qualifier::kMoreThan);
  if (w(1, W_UNDER) || w(1, W_BELOW)) return at(1, Qualifier::kLessThan);
  return Qualifier::kExact;
}

// Verbs of a price or figure moving ("rose", "fell 3% to"), after which "X to Y" is a change and the
// level it reached.
bool MovementWord(std::string_view w) {
  static constexpr std::string_view kMoves[] = {"rose", "fell", "gained", "lost", "climbed", "dropped", "jumped",
                                                "slid", "declined", "increased", "decreased", "surged", "tumbled",
                                                "rise", "fall", "rises", "falls", "added", "shed", "up", "down",
                                                "plunged", "soared", "edged", "slipped", "grew", "shrank"};
  for (std::string_view m : kMoves) {
    if (w.size() != m.size()) continue;
    bool eq = true;
    for (size_t k = 0; k < w.size() && eq; ++k) eq = (w[k] | 0x20) == m[k];
    if (eq) return true;
  }
  return false;
}

// Words after a number that name a measure or a duration, not counted things.
bool IsMeasureNoun(std::string_view w) {
  static constexpr std::string_view kMeasures[] = {
      "miles", "kilometres", "kilometers", "km", "metres", "meters", "feet", "inches", "yards", "acres",
      "hectares", "tons", "tonnes", "pounds", "ounces", "grams", "kilograms", "kg", "lbs", "hours",
      "minutes", "seconds", "degrees", "bps", "basis", "mph", "kph", "gallons", "litres", "liters",
      "sq", "square", "cubic", "gigawatts", "megawatts", "watts", "decades", "centuries", "nights",
      "pages", "yds", "ft", "mins", "hrs", "secs", "cents"};
  for (std::string_view m : kMeasures) {
    if (w.size() != m.size()) continue;
    bool eq = true;
    for (size_t k = 0; k < w.size() && eq; ++k) eq = (w[k] | 0x20) == m[k];
    if (eq) return true;
  }
  return false;
}

bool LooksPluralNoun(const Tokens& t, size_t j) {
  if (j >= t.size() || t.items[j].kind != TokKind::kWord || t.items[j].lex.cat != Cat::kNone) return false;
  std::string_view w = t.Text(j);
  if (w.size() < 3 || t.items[j].upper) return false;
  if (IsMeasureNoun(w)) return false;
  static constexpr std::string_view kIrregular[] = {"people", "staff", "personnel", "children", "men",
                                                    "women", "police", "crew", "cattle", "livestock",
                                                    "aircraft", "workforce", "headcount", "sheep", "fish"};
  for (std::string_view m : kIrregular)
    if (w == m) return true;
  char last = w.back(), prev = w[w.size() - 2];
  return (last == 's') && prev != 's' && prev != 'u' && prev != 'i';
}

// The counted noun after a number: "12,500 jobs", "9,000 corporate staff"; the noun's token.
bool CountNoun(const Tokens& t, size_t j, size_t& noun) {
  if (j >= t.size() || !t.items[j].space_before || t.items[j].break_before) return false;
  if (LooksPluralNoun(t, j) && !t.items[j].capitalized) {
    noun = j;
    return true;
  }
  // One modifier before the noun: "corporate staff", "Globex employees", "full-time workers".
  size_t k = j;
  if (k < t.size() && t.items[k].kind == TokKind::kWord && t.items[k].lex.cat == Cat::kNone &&
      !t.items[k].upper) {
    ++k;
    if (IsDash(t, k) && t.Glued(k) && k + 1 < t.size() && t.items[k + 1].kind == TokKind::kWord && t.Glued(k + 1)) k += 2;
    if (k < t.size() && t.items[k].space_before && !t.items[k].capitalized && LooksPluralNoun(t, k)) {
      noun = k;
      return true;
    }
  }
  return false;
}

void SetCurrency(Quantity& q, const Amount& a) {
  std::memcpy(q.currency, a.cur.code, 4);
}

}  // namespace

ScanResult ScanQuantity(const Tokens& t, size_t i, Quantity& q, size_t& end) {
  // Most tokens cannot begin a quantity; say so before any of the readers below is tried. Exactly
  // what they would conclude: a word that is no function word ("percent", "per") and no number
  // word can only open a currency, which needs a capital or at most four letters ("USD", "euro"
  // is a unit after the number); punctuation other than "$" opens nothing unless a number.
  const Token& k = t.items[i];
  if (!k.starts_number) {
    if (k.kind == TokKind::kWord && k.lex.cat != Cat::kWord && !(k.capitalized || k.end - k.start <= 4))
      return ScanResult::kNone;
    if (k.kind == TokKind::kPunct && k.cp != '$') return ScanResult::kNone;
    // Nor can it without a number in the next five tokens: a currency stands at most five tokens
    // before its number (ReadAmount), "per cent of" three (PercentBefore).
    bool number_ahead = false;
    for (size_t j = i + 1; j <= i + 5 && j < t.size() && !number_ahead; ++j) number_ahead = t.items[j].starts_number;
    if (!number_ahead) return ScanResult::kNone;
  }
  // The digits of a web address ("?q=30%25") are not quantities (its dates still are: the date
  // scanner runs first at every token).
  if (t.items[i].kind == TokKind::kDigits && t.Glued(i) && InWebAddress(t, i)) {
    end = i + 1;
    return ScanResult::kSkip;
  }
  if (t.items[i].kind == TokKind::kWord) {
    double pv = 0;
    size_t pe = 0;
    if (PercentBefore(t, i, pv, pe)) {
      q = Quantity{};
      q.kind = QuantityKind::kPercent;
      q.value = pv;
      q.start = q.phrase_start = t.items[i].start;
      q.end = t.items[pe - 1].end;
      end = pe;
      return ScanResult::kFound;
    }
  }
  Amount a;
  size_t skip = 0;
  if (!ReadAmount(t, i, true, a, skip)) {
    if (skip > i) {
      end = skip;
      return ScanResult::kSkip;
    }
    return ScanResult::kNone;
  }
  q = Quantity{};
  if (!a.has_currency && !a.percent && !a.num.scaled) {
    if (PronounOne(t, a.num)) {
      end = a.end;
      return ScanResult::kSkip;
    }
    double ratio = 0;
    size_t re = 0;
    if (RatioAfter(t, a.num, ratio, re)) {
      q.kind = QuantityKind::kNumber;
      q.value = a.negative ? -ratio : ratio;
      size_t from = a.begin;
      q.qualifier = QualifierBefore(t, a.begin, &from);
      q.start = t.items[a.begin].start;
      q.phrase_start = t.items[from].start;
      q.end = t.items[re - 1].end;
      end = re;
      return ScanResult::kFound;
    }
  }
  q.value = a.value;
  size_t from = a.begin;
  q.qualifier = QualifierBefore(t, a.begin, &from);
  size_t last = a.end;
  // Ranges: "between 10 and 20", "10 to 20 percent", "$1-2 billion", "$10 million to $20 million".
  bool between = a.begin >= 1 && t.IsWord(a.begin - 1, W_BETWEEN);
  bool from_word = a.begin >= 1 && t.IsWord(a.begin - 1, W_FROM);
  size_t c = a.end;
  // "rose 12 cents to $68.40": after a verb of movement, "to" names the level reached, not a range's end.
  bool moved = a.begin >= 1 && t.items[a.begin - 1].kind == TokKind::kWord && MovementWord(t.Text(a.begin - 1));
  bool connector = (between && t.IsWord(c, W_AND)) || (!from_word && !moved && (t.IsWord(c, W_TO) || (IsDash(t, c) && t.IsDigits(c + 1)) ||
                                                                  (IsDash(t, c) && t.Glued(c + 1))));
  bool own_unit = a.percent || a.currency_after || a.num.scaled;
  // Digits joined by hyphens into a code ("+1-222-2222", "123-12-1234") are no range.
  auto coded = [&](size_t at) { return IsDash(t, at) && t.Glued(at) && t.IsDigits(at + 1) && t.Glued(at + 1); };
  if (IsDash(t, c) && (coded(c) && (c + 2 < t.size() && coded(c + 2))) ) connector = false;
  if (IsDash(t, c) && a.begin > 0 && ((t.Is(a.begin - 1, '+') && t.Glued(a.begin)) ||
                                      (a.begin >= 2 && t.IsDigits(a.begin - 2) && coded(a.begin - 1))))
    connector = false;
  Amount b;
  size_t bskip = 0;
  if (connector && c + 1 < t.size() && (between || !own_unit || IsDash(t, c) || a.has_currency) &&
      ReadAmount(t, c + 1, true, b, bskip)) {
    bool same_kind = (b.percent == a.percent || !own_unit) &&
                     (!a.has_currency || !b.has_currency || std::memcmp(a.cur.code, b.cur.code, 4) == 0);
    double lo = a.value, hi = b.value;
    if (same_kind) {
      if (!own_unit && !a.has_currency) {
        // The first number takes the second's unit and scale: "10 to 20 percent", "1.5 to 2 billion".
        lo = a.num.value;
        if (b.num.scaled && !a.num.scaled) lo *= std::pow(10.0, b.num.scale_exp);
        if (b.has_currency) lo = lo * b.cur.multiplier / b.cur.divisor;
        if (a.negative) lo = -lo;
        a.percent = b.percent;
        if (b.has_currency) {
          a.has_currency = true;
          a.cur = b.cur;
        }
      } else if (a.has_currency && !a.num.scaled && b.num.scaled && !a.currency_after) {
        // "$1-2 billion": the scale of the second amount applies to the first
        double bscale = std::pow(10.0, b.num.scale_exp);
        lo = a.value * bscale;
      }
      if (hi > lo && (between || lo * 1000 >= hi)) {
        q.qualifier = Qualifier::kRange;
        q.value = lo;
        q.value_max = hi;
        last = b.end;
        a.value = lo;
      }
    }
  }
  if (q.qualifier != Qualifier::kRange) q.value = a.value;
  if (a.percent) {
    q.kind = QuantityKind::kPercent;
  } else if (a.has_currency) {
    q.kind = QuantityKind::kMoney;
    SetCurrency(q, a);
  } else {
    size_t noun = 0;
    if (!a.num.fraction && CountNoun(t, last, noun)) {
      q.kind = QuantityKind::kCount;
      q.noun_start = t.items[noun].start;
      q.noun_end = t.items[noun].end;
    } else {
      q.kind = QuantityKind::kNumber;
    }
  }
  q.start = t.items[a.begin].start;
  // "between 10 and 20", "from 10 to 20": the range's opening word belongs to its statement.
  if (q.qualifier == Qualifier::kRange && (between || from_word)) from = a.begin - 1;
  q.phrase_start = t.items[from].start;
  q.end = t.items[last - 1].end;
  end = last;
  return ScanResult::kFound;
}

}  // namespace corroborate::extract
