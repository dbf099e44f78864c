// The number reader (see number_parser.h). Tested in number_parser_test.cc.
#include "extract/number_parser.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace corroborate::extract {
namespace {

constexpr double kMaxMagnitude = 1e18;  // beyond this no news figure is meant; refuse, never wrap
constexpr int kMaxSignificant = 17;     // a double keeps about 17 significant digits

bool IsDash(const Tokens& t, size_t i) {
  return t.Is(i, '-') || t.Is(i, 0x2010) || t.Is(i, 0x2011) || t.Is(i, 0x2013) || t.Is(i, 0x2014);
}

size_t Len(const Tokens& t, size_t i) { return t.items[i].end - t.items[i].start; }

// The value of a run of at most 18 digits, without allocating.
long long SmallDigits(std::string_view s) {
  long long v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// A single space-like gap between two tokens: " ", NBSP, narrow NBSP or thin space (used as
// thousands separators in "40 000").
bool SingleSpaceGap(const Tokens& t, size_t i) {
  std::string_view gap = t.text.substr(t.items[i - 1].end, t.items[i].start - t.items[i - 1].end);
  return gap == " " || gap == "\xC2\xA0" || gap == "\xE2\x80\xAF" || gap == "\xE2\x80\x89";
}

bool LowerIs(const Tokens& t, size_t i, const char* s) {
  if (i >= t.size() || t.items[i].kind != TokKind::kWord) return false;
  std::string_view w = t.Text(i);
  size_t n = std::strlen(s);
  if (w.size() != n) return false;
  for (size_t k = 0; k < n; ++k)
    if ((w[k] | 0x20) != s[k]) return false;
  return true;
}

// Accumulates the digits of a numeral into a fixed buffer for strtod, counting significant digits.
struct DigitBuffer {
  char buf[96];
  size_t n = 0;
  int significant = 0;
  bool overflow = false;
  bool seen_nonzero = false;
  void Add(std::string_view digits) {
    for (char c : digits) {
      if (c != '0') seen_nonzero = true;
      if (seen_nonzero) ++significant;
      if (n + 1 < sizeof(buf)) buf[n++] = c;
      else overflow = true;
    }
  }
  void Point() {
    if (n + 1 < sizeof(buf)) buf[n++] = '.';
    else overflow = true;
  }
  double Value() {
    buf[n] = 0;
    return std::strtod(buf, nullptr);
  }
};

bool Finish(NumberMatch& m, double v) {
  if (!std::isfinite(v) || std::fabs(v) > kMaxMagnitude) {
    m.representable = false;
    m.value = 0;
  } else {
    m.value = v;
  }
  return true;
}

// ---------------------------------------------------------------- spelled-out numbers

bool IsNumberWord(const Lexeme& l) {
  return l.cat == Cat::kUnit || l.cat == Cat::kTens || l.cat == Cat::kHundred ||
         (l.cat == Cat::kScale && !l.abbrev) || l.cat == Cat::kDozen || l.cat == Cat::kDenom;
}

size_t ReadWordInteger(const Tokens& t, size_t i, double& value, bool check_fraction = true);

// A fraction denominator starting at i: a single word ("thirds", "quarter", "hundredths",
// "millionth") or a compound ordinal ("twenty-first", "twenty firsts", "one hundred fifth",
// "one hundred and fifth"). "first" and "second" alone are left out: "one second" is a time and
// "a first" a rank. Returns tokens used (0: none); `den` the denominator, `plural` its -s form.
size_t ReadDenominator(const Tokens& t, size_t i, double& den, bool& plural) {
  if (i >= t.size() || t.items[i].kind != TokKind::kWord) return 0;
  const Lexeme& l = t.items[i].lex;
  plural = l.plural;
  if (l.cat == Cat::kDenom || (l.cat == Cat::kOrdinal && l.value >= 3)) {
    den = l.value;
    return 1;
  }
  if (l.cat == Cat::kScaleOrdinal) {
    den = std::pow(10.0, l.value);
    return 1;
  }
  if (l.cat != Cat::kTens && l.cat != Cat::kUnit) return 0;
  // A compound ordinal: an integer ending in a tens word, "hundred" or a scale, then a unit ordinal.
  double w = 0;
  size_t u = ReadWordInteger(t, i, w, false);
  if (u == 0) return 0;
  Cat last = t.items[i + u - 1].lex.cat;
  if (last != Cat::kTens && last != Cat::kHundred && last != Cat::kScale) return 0;
  size_t k = i + u;
  if (IsDash(t, k) || (t.IsWord(k, W_AND) && last != Cat::kTens)) ++k;
  if (k >= t.size() || t.items[k].lex.cat != Cat::kOrdinal || t.items[k].lex.value >= 10) return 0;
  den = w + t.items[k].lex.value;
  plural = t.items[k].lex.plural;
  return k + 1 - i;
}

// Whether a numerator `num` agrees with its denominator's number: "one fifth", "three fifths".
bool Agrees(double num, bool plural) { return num == 1 ? !plural : plural; }

// A proper fraction in words at i ("fifty-four hundredths", "a half", "one fourth"): the fraction
// part of a mixed number after "and". Returns tokens used, 0 if none.
size_t ReadProperFraction(const Tokens& t, size_t i, double& frac) {
  double num = 0;
  size_t k = i;
  if (t.IsWord(k, W_A) || t.IsWord(k, W_AN)) {
    num = 1;
    ++k;
  } else {
    size_t u = ReadWordInteger(t, k, num, false);
    if (u == 0 || num <= 0) return 0;
    k += u;
  }
  if (IsDash(t, k)) ++k;
  double den = 0;
  bool plural = false;
  size_t d = ReadDenominator(t, k, den, plural);
  if (d == 0 || num >= den) return 0;
  if (!Agrees(num, plural) && t.items[k].lex.cat != Cat::kDenom) return 0;
  frac = num / den;
  return k + d - i;
}

// Reads an integer in words starting at i: "twenty-one trillion three hundred", "two hundred and six".
// Returns tokens consumed (0 if none); `value` gets the number. With `check_fraction`, an "and" that
// opens a proper fraction ("two hundred and fifty-four hundredths") ends the integer.
size_t ReadWordInteger(const Tokens& t, size_t i, double& value, bool check_fraction) {
  enum Last { kNone, kUnit, kTens, kHundred, kScale } last = kNone;
  double total = 0, cur = 0;
  int last_scale = 100;
  size_t j = i, end = i;
  while (j < t.size()) {
    const Lexeme& l = t.items[j].lex;
    if (l.cat == Cat::kUnit) {
      if (last == kUnit || (last == kTens && l.value >= 10) || (last == kTens && l.value == 0)) break;
      cur += l.value;
      last = kUnit;
    } else if (l.cat == Cat::kTens) {
      if (last == kUnit || last == kTens) break;
      cur += l.value;
      last = kTens;
    } else if (l.cat == Cat::kHundred && !l.plural) {
      if (last == kHundred || last == kNone) break;
      cur = cur * 100;
      last = kHundred;
    } else if (l.cat == Cat::kScale && !l.abbrev && !l.plural) {
      if (last == kNone || last == kScale || l.value >= last_scale) break;
      total += cur * std::pow(10.0, l.value);
      cur = 0;
      last_scale = l.value;
      last = kScale;
    } else if (IsDash(t, j) && last == kTens && j + 1 < t.size() && t.items[j + 1].lex.cat == Cat::kUnit &&
               t.items[j + 1].lex.value < 10 && t.items[j + 1].lex.value > 0) {
      ++j;  // "fifty-two", "fifty - two"
      continue;
    } else if (t.IsWord(j, W_AND) && (last == kHundred || last == kScale) && j + 1 < t.size() &&
               (t.items[j + 1].lex.cat == Cat::kUnit || t.items[j + 1].lex.cat == Cat::kTens) &&
               t.items[j + 1].lex.value > 0) {
      double frac = 0;
      if (check_fraction && ReadProperFraction(t, j + 1, frac)) break;
      ++j;  // "one hundred and six"
      continue;
    } else {
      break;
    }
    ++j;
    end = j;
  }
  value = total + cur;
  return end - i;
}

// The power of ten of a written-out scale word at i ("million"), or 0.
int WordScaleAt(const Tokens& t, size_t i) {
  if (i >= t.size() || t.items[i].lex.cat != Cat::kScale || t.items[i].lex.abbrev) return 0;
  return t.items[i].lex.value;
}

// "and a half", "and three fifths", "and fifty-four hundredths" after an amount whose largest
// scale is `own_scale`: returns tokens used; `value` becomes the mixed number. A scale word after
// the fraction applies to the fraction when the amount already has a larger one ("one billion and
// a half million"), else to the whole ("one and a half million"); without one, the fraction is of
// the last scale named ("one million and a half").
size_t ReadAndFraction(const Tokens& t, size_t j, int own_scale, int last_scale, double& value) {
  if (!t.IsWord(j, W_AND)) return 0;
  double frac = 0;
  size_t u = ReadProperFraction(t, j + 1, frac);
  if (u == 0) return 0;
  size_t k = j + 1 + u;
  int s = WordScaleAt(t, k);
  if (s > 0 && own_scale > s) {
    value += frac * std::pow(10.0, s);
    return k + 1 - j;
  }
  if (s > 0 && own_scale == 0) {
    value = (value + frac) * std::pow(10.0, s);
    return k + 1 - j;
  }
  value += frac * std::pow(10.0, last_scale);
  return k - j;
}

// "of a million" after a fraction ("two thirds of a million"): the scale's power of ten, tokens in `used`.
int OfAScale(const Tokens& t, size_t j, size_t& used) {
  if (t.IsWord(j, W_OF) && (t.IsWord(j + 1, W_A) || t.IsWord(j + 1, W_AN))) {
    if (int s = WordScaleAt(t, j + 2)) {
      used = 3;
      return s;
    }
  }
  return 0;
}

bool ParseWords(const Tokens& t, size_t i, NumberMatch& m) {
  size_t j = i;
  double value = 0;
  bool article = false;
  const Lexeme& first = t.items[i].lex;
  if (t.IsWord(i, W_A) || t.IsWord(i, W_AN)) {
    // "a dozen", "a hundred", "a half", "a quarter million", "a fifth", "a twenty-first",
    // "a trillionth"; a bare "a" is not a number.
    const Lexeme& n = i + 1 < t.size() ? t.items[i + 1].lex : Lexeme{};
    double den = 0;
    bool plural = false;
    bool ok = n.cat == Cat::kDozen || n.cat == Cat::kHundred || (n.cat == Cat::kScale && !n.abbrev) ||
              n.cat == Cat::kDenom || n.cat == Cat::kScaleOrdinal ||
              (n.cat == Cat::kOrdinal && n.value >= 3 && !n.plural) ||
              (n.cat == Cat::kTens && ReadDenominator(t, i + 1, den, plural) > 0 && !plural);
    if (!ok || n.plural) return false;
    article = true;
    value = 1;
    ++j;
  } else if (first.cat == Cat::kDenom && !first.plural) {
    // "half", "half a million", "quarter million"
    value = 1.0 / first.value;
    ++j;
    if (t.IsWord(j, W_A) && j + 1 < t.size() &&
        ((t.items[j + 1].lex.cat == Cat::kScale && !t.items[j + 1].lex.abbrev) || t.items[j + 1].lex.cat == Cat::kDozen))
      ++j;
    if (j < t.size() && ((t.items[j].lex.cat == Cat::kScale && !t.items[j].lex.abbrev) ||
                         t.items[j].lex.cat == Cat::kDozen)) {
      value *= t.items[j].lex.cat == Cat::kDozen ? 12 : std::pow(10.0, t.items[j].lex.value);
      m.scaled = true;
      ++j;
    } else if (first.value == 4) {
      return false;  // a bare "quarter" is a period of the year, not a number
    } else {
      m.fraction = true;
    }
    m.words = true;
    m.begin = i;
    m.end = j;
    return Finish(m, value);
  }
  if (article) {
    const Lexeme& n = t.items[j].lex;
    if (n.cat == Cat::kDenom || n.cat == Cat::kOrdinal || n.cat == Cat::kScaleOrdinal || n.cat == Cat::kTens) {
      double den = 0;
      bool plural = false;
      size_t d = ReadDenominator(t, j, den, plural);
      if (d == 0) return false;
      j += d;
      value = 1.0 / den;
      m.fraction = true;
      if (int s = WordScaleAt(t, j)) {
        value *= std::pow(10.0, s);  // "a quarter million"
        m.fraction = false;
        m.scaled = true;
        ++j;
      }
      m.words = true;
      m.begin = i;
      m.end = j;
      return Finish(m, value);
    }
    if (n.cat == Cat::kDozen) {
      m.words = true;
      m.begin = i;
      m.end = j + 1;
      return Finish(m, 12);
    }
    // "a hundred", "a million": read on as if the article were "one".
    double rest = 0;
    size_t used = 0;
    if (n.cat == Cat::kHundred) {
      value = 100;
      ++j;
      double more = 0;
      if (t.IsWord(j, W_AND) || (j < t.size() && (t.items[j].lex.cat == Cat::kUnit || t.items[j].lex.cat == Cat::kTens))) {
        size_t k = t.IsWord(j, W_AND) ? j + 1 : j;
        size_t u = ReadWordInteger(t, k, more);
        if (u && more < 100) {
          value += more;
          j = k + u;
        }
      }
      if (int s = WordScaleAt(t, j)) {
        value *= std::pow(10.0, s);
        ++j;
      } else {
        double den = 0;
        bool plural = false;
        if (size_t d = ReadDenominator(t, j, den, plural); d > 0 && plural) {
          value /= den;  // "a hundred trillionths"
          j += d;
          m.fraction = true;
        }
      }
    } else {
      value = std::pow(10.0, n.value);
      ++j;
      used = ReadWordInteger(t, j, rest);
      if (used && rest < value) {
        value += rest;
        j += used;
      }
    }
    m.words = true;
    m.scaled = !m.fraction;
    m.begin = i;
    m.end = j;
    return Finish(m, value);
  }
  size_t used = ReadWordInteger(t, i, value);
  if (used == 0) return false;
  j = i + used;
  m.words = true;
  int own_scale = 0, last_scale = 0;
  for (size_t k = i; k < j; ++k) {
    if (int s = WordScaleAt(t, k)) {
      own_scale = std::max(own_scale, s);
      last_scale = s;
    }
  }
  if (j > i && t.items[j - 1].lex.cat != Cat::kScale) last_scale = 0;
  // "two hundred point seventy-one", "nought point nought three"
  if (t.IsWord(j, W_POINT) && j + 1 < t.size() &&
      (t.items[j + 1].lex.cat == Cat::kUnit || t.items[j + 1].lex.cat == Cat::kTens)) {
    char frac[40];
    size_t fn = 0;
    size_t k = j + 1;
    if (t.items[k].lex.cat == Cat::kTens || t.items[k].lex.value >= 10) {
      double two = 0;
      size_t u = ReadWordInteger(t, k, two);
      int v = static_cast<int>(two);
      if (v < 100) {
        fn = static_cast<size_t>(std::snprintf(frac, sizeof(frac), "%d", v));
        k += u;
      }
    } else {
      while (k < t.size() && t.items[k].lex.cat == Cat::kUnit && t.items[k].lex.value < 10 && fn + 1 < sizeof(frac)) {
        frac[fn++] = static_cast<char>('0' + t.items[k].lex.value);
        ++k;
      }
      // "point nought eleven": a final two-digit word
      if (k < t.size() && t.items[k].lex.cat == Cat::kUnit && t.items[k].lex.value >= 10 && fn + 3 < sizeof(frac)) {
        fn += static_cast<size_t>(std::snprintf(frac + fn, sizeof(frac) - fn, "%d", t.items[k].lex.value));
        ++k;
      }
    }
    if (fn > 0) {
      frac[fn] = 0;
      value += std::strtod(frac, nullptr) / std::pow(10.0, static_cast<double>(fn));
      j = k;
    }
  }
  if (size_t u = ReadAndFraction(t, j, own_scale, last_scale, value)) {
    // "one and a half", "twenty and three fifths", "one billion and three quarters million"
    j += u;
    m.fraction = true;
  } else {
    size_t k = j;
    if (IsDash(t, k)) ++k;
    double den = 0;
    bool plural = false;
    // "one hundred thirty-fifths" is 100/35: a tens word right before a unit ordinal joins it into
    // the denominator, unless "and" ties the tens to the hundreds ("one hundred and thirty fifths").
    const size_t tens = j - 1;
    if (j >= i + 2 && t.items[tens].lex.cat == Cat::kTens && !t.IsWord(tens - 1, W_AND) && k < t.size() &&
        t.items[k].lex.cat == Cat::kOrdinal && t.items[k].lex.value < 10 &&
        Agrees(value - t.items[tens].lex.value, t.items[k].lex.plural) && value - t.items[tens].lex.value > 0) {
      den = t.items[tens].lex.value + t.items[k].lex.value;
      value = (value - t.items[tens].lex.value) / den;
      j = k + 1;
      m.fraction = true;
    } else if (size_t d = ReadDenominator(t, k, den, plural); d > 0 && value > 0) {
      // "one fifth of May" is a date, not a fraction.
      bool date = value == 1 && !plural && den <= 31 && t.IsWord(k + d, W_OF) &&
                  k + d + 1 < t.size() && t.items[k + d + 1].lex.cat == Cat::kMonth;
      if (!date && (Agrees(value, plural) || t.items[k].lex.cat == Cat::kDenom)) {
        value /= den;
        j = k + d;
        m.fraction = true;
      }
    }
    size_t of = 0;
    if (m.fraction) {
      if (int s = OfAScale(t, j, of)) {
        value *= std::pow(10.0, s);  // "two thirds of a million"
        j += of;
      }
    }
  }
  // "three dozen(s)", "two million" already in the integer; "dozen" after an integer:
  if (j < t.size() && t.items[j].lex.cat == Cat::kDozen) {
    value *= 12;
    ++j;
  }
  m.begin = i;
  m.end = j;
  for (size_t k = i; k < j; ++k)
    if (t.items[k].lex.cat == Cat::kScale) m.scaled = true;
  return Finish(m, value);
}

// ---------------------------------------------------------------- digits

// The value of a vulgar-fraction character ("¾", "⅔"), or 0.
double VulgarFraction(char32_t cp) {
  switch (cp) {
    case 0xBC: return 0.25;
    case 0xBD: return 0.5;
    case 0xBE: return 0.75;
    case 0x2150: return 1.0 / 7;
    case 0x2151: return 1.0 / 9;
    case 0x2152: return 0.1;
    case 0x2153: return 1.0 / 3;
    case 0x2154: return 2.0 / 3;
    case 0x2155: return 0.2;
    case 0x2156: return 0.4;
    case 0x2157: return 0.6;
    case 0x2158: return 0.8;
    case 0x2159: return 1.0 / 6;
    case 0x215A: return 5.0 / 6;
    case 0x215B: return 0.125;
    case 0x215C: return 0.375;
    case 0x215D: return 0.625;
    case 0x215E: return 0.875;
    default: return 0;
  }
}

bool IsVulgar(const Tokens& t, size_t i) {
  return i < t.size() && t.items[i].kind == TokKind::kSymbol && VulgarFraction(t.items[i].cp) > 0;
}

// An exponent after "^" at j: "^23", "^+23", "^-1", "^--23" (signs multiply). Tokens used from j.
size_t ReadExponent(const Tokens& t, size_t j, double& e) {
  size_t k = j + 1;
  int sign = 1;
  while (k < t.size() && t.Glued(k) && (t.Is(k, '+') || IsDash(t, k)) && k - j < 4) {
    if (!t.Is(k, '+')) sign = -sign;
    ++k;
  }
  if (!t.IsDigits(k) || !t.Glued(k) || Len(t, k) > 3) return 0;
  e = sign * static_cast<double>(SmallDigits(t.Text(k)));
  return k + 1 - j;
}

// The scale of an upper-case SI letter after a figure: K 3, M 6, G and B 9, T 12 ("1,674.5 G").
int SiLetterScale(const Tokens& t, size_t j) {
  if (j >= t.size() || t.items[j].kind != TokKind::kWord || !t.items[j].upper) return 0;
  std::string_view w = t.Text(j);
  if (w.size() != 1) return 0;
  switch (w[0]) {
    case 'K': return 3;
    case 'M': return 6;
    case 'G': case 'B': return 9;
    case 'T': return 12;
    default: return 0;
  }
}

// "5,00", "1.111,11": a comma followed by one or two final digits ends an amount whose thousands are
// grouped by points (or not grouped); English groups thousands in threes, so such a comma is a
// decimal sign. Fills `d` and returns the token after the number, or 0.
size_t DecimalCommaEnd(const Tokens& t, size_t i, DigitBuffer& d) {
  if (Len(t, i) > 3) return 0;
  if (i >= 2 && (t.Is(i - 1, ',') || t.Is(i - 1, '.')) && t.Glued(i) && t.Glued(i - 1) && t.IsDigits(i - 2))
    return 0;  // the end of a list or a longer figure: "22,24,26,31"
  size_t k = i + 1;
  while (t.Is(k, '.') && t.Glued(k) && t.IsDigits(k + 1) && t.Glued(k + 1) && Len(t, k + 1) == 3) k += 2;
  if (!(t.Is(k, ',') && t.Glued(k) && t.IsDigits(k + 1) && t.Glued(k + 1) && Len(t, k + 1) == 2)) return 0;
  size_t e = k + 2;
  // Not "1,25,000" (lakh grouping) nor a list "22,24,26", nor "1.5,00".
  if ((t.Is(e, ',') || t.Is(e, '.')) && t.IsDigits(e + 1) && t.Glued(e + 1)) return 0;
  if (t.Glued(e) && e < t.size() && (t.items[e].kind == TokKind::kWord || t.items[e].kind == TokKind::kDigits)) return 0;
  for (size_t g = i + 2; g < k; g += 2) d.Add(t.Text(g));
  d.Point();
  d.Add(t.Text(k + 1));
  return e;
}

bool ParseDigits(const Tokens& t, size_t i, bool money, NumberMatch& m, bool read_on = true);

// One "4 thousand"-like part: digits with a following scale word (money-free), read alone: the
// caller walks the parts one after another, so the work stays linear.
bool ParseDigitsPart(const Tokens& t, size_t i, NumberMatch& m) {
  if (!t.items[i].space_before || Len(t, i) > 3) return false;
  if (!ParseDigits(t, i, false, m, false) || !m.representable || !m.scaled || m.fraction) return false;
  return true;
}

bool ParseDigits(const Tokens& t, size_t i, bool money, NumberMatch& m, bool read_on) {
  DigitBuffer d;
  size_t j = i;
  bool grouped_any = false;
  bool leading_point = t.Is(i, '.');
  if (leading_point) {
    d.Add("0");
    d.Point();
    d.Add(t.Text(i + 1));
    j = i + 2;
  } else {
    d.Add(t.Text(i));
    j = i + 1;
    bool grouped = false;
    // A decimal comma: "5,00", "1.111,11" (points group thousands, the comma ends them).
    if (size_t e = DecimalCommaEnd(t, i, d); e > 0) {
      m.begin = i;
      m.end = e;
      if (d.overflow || d.significant > kMaxSignificant) {
        m.representable = false;
        return true;
      }
      return Finish(m, d.Value());
    }
    // Thousands separators: "1,234,567"; Indian "12,34,567". Groups after the first are 3 digits,
    // or 2 digits when more groups follow (lakh style).
    if (Len(t, i) <= 3) {
      size_t k = j;
      size_t last_ok = j;
      while (t.Is(k, ',') && t.Glued(k) && t.IsDigits(k + 1) && t.Glued(k + 1)) {
        size_t gl = Len(t, k + 1);
        bool more = t.Is(k + 2, ',') && t.Glued(k + 2) && t.IsDigits(k + 3) && t.Glued(k + 3);
        if (gl == 3) {
          k += 2;
          last_ok = k;
        } else if (gl == 2 && more) {
          k += 2;
        } else {
          break;
        }
      }
      if (last_ok > j) {
        for (size_t g = j; g < last_ok; g += 2) d.Add(t.Text(g + 1));
        j = last_ok;
        grouped = true;
      }
    }
    grouped_any = grouped;
    // Space-separated thousands: "40 000", "1 414 021 100" (only groups of exactly three digits
    // after one space, so that "in 2015 300 people" stays apart).
    if (!grouped && Len(t, i) <= 3) {
      size_t k = j;
      while (t.IsDigits(k) && Len(t, k) == 3 && t.items[k].space_before && SingleSpaceGap(t, k) &&
             !(t.Is(k + 1, '.') && t.Glued(k + 1) && t.IsDigits(k + 2) && false)) {
        d.Add(t.Text(k));
        ++k;
      }
      if (k > j) {
        j = k;
        grouped = true;
        grouped_any = true;
      }
    }
    // Decimal part.
    if (t.Is(j, '.') && t.Glued(j) && t.IsDigits(j + 1) && t.Glued(j + 1)) {
      if (t.Is(j + 2, '.') && t.Glued(j + 2) && t.IsDigits(j + 3) && t.Glued(j + 3)) {
        // "1.2.3", "192.168.1.2": a version or an address, not one number.
        size_t k = j;
        while (t.Is(k, '.') && t.Glued(k) && t.IsDigits(k + 1) && t.Glued(k + 1)) k += 2;
        m.begin = i;
        m.end = k;
        m.representable = false;
        return true;
      }
      d.Point();
      d.Add(t.Text(j + 1));
      j += 2;
    } else if (!grouped) {
      m.plain_integer = true;
      m.digits = static_cast<int>(Len(t, i));
      if (m.digits <= 18) m.integer = SmallDigits(t.Text(i));
    }
  }
  bool has_point = leading_point || std::memchr(d.buf, '.', d.n) != nullptr;
  double scale = 0;
  m.begin = i;
  // Ordinal suffix: "1st", "22nd", "27th".
  if (t.items.size() > j && t.Glued(j) && m.plain_integer &&
      (LowerIs(t, j, "st") || LowerIs(t, j, "nd") || LowerIs(t, j, "rd") || LowerIs(t, j, "th"))) {
    m.ordinal = true;
    m.end = j + 1;
    return Finish(m, static_cast<double>(m.integer));
  }
  // Exponent: "1e10", "12.32e+14", "-12e-1".
  if (t.Glued(j) && (LowerIs(t, j, "e")) && j + 1 < t.size() && t.Glued(j + 1)) {
    size_t k = j + 1;
    int sign = 1;
    if (t.Is(k, '+') || t.Is(k, '-')) {
      sign = t.Is(k, '-') ? -1 : 1;
      ++k;
    }
    if (t.IsDigits(k) && t.Glued(k) && Len(t, k) <= 3) {
      int e = static_cast<int>(SmallDigits(t.Text(k)));
      scale = sign * e;
      j = k + 1;
      m.plain_integer = false;
    }
  }
  // Attached scale: "10k", "1.2m", "50bn", "$1.2tn". Single letters m/b/t only with a decimal point
  // or in money ("1m" alone is as often a metre).
  if (scale == 0 && j < t.size() && t.Glued(j) && t.items[j].kind == TokKind::kWord) {
    int s = ScaleOf(t, j, money || has_point);
    if (s > 0) {
      scale = s;
      ++j;
      m.scaled = true;
      m.plain_integer = false;
    }
  }
  // Following scale word: "3 million", "2.33 k", "322 hundred", "3 dozens"; an upper-case SI
  // letter after a decimal or grouped figure ("1,674.5 G": giga).
  if (scale == 0 && j < t.size() && t.items[j].space_before) {
    const Lexeme& l = t.items[j].lex;
    int s = ScaleOf(t, j, money);
    if (s == 0 && (has_point || grouped_any)) s = SiLetterScale(t, j);
    if (s > 0 && !(l.abbrev && LowerIs(t, j, "m") && !money && !t.items[j].upper)) {
      scale = s;
      ++j;
      m.scaled = true;
      m.plain_integer = false;
    } else if (l.cat == Cat::kHundred && !l.plural) {
      scale = 2;
      ++j;
      m.scaled = true;
      m.plain_integer = false;
    } else if (l.cat == Cat::kDozen) {
      m.end = j + 1;
      m.plain_integer = false;
      if (d.overflow || d.significant > kMaxSignificant) {
        m.representable = false;
        return true;
      }
      return Finish(m, d.Value() * 12);
    }
  } else if (scale == 0 && (has_point || grouped_any) && t.Glued(j) && SiLetterScale(t, j) > 0) {
    scale = SiLetterScale(t, j);  // "1.5M", "2.7B"
    ++j;
    m.scaled = true;
    m.plain_integer = false;
  }
  m.end = j;
  if (d.overflow || d.significant > kMaxSignificant || scale > 30 || scale < -30) {
    m.representable = false;
    return true;
  }
  double v = d.Value();
  if (scale != 0) v *= std::pow(10.0, scale);
  if (m.scaled) m.scale_exp = static_cast<int>(scale);
  // A power: "1.1^23", "-2500^-1", and scientific notation "6.23x10^-4".
  if (!m.scaled && t.Is(j, '^') && t.Glued(j)) {
    size_t k = j;
    double e = 0;
    if (size_t u = ReadExponent(t, k, e)) {
      v = std::pow(v, e);
      j = k + u;
      m.plain_integer = false;
    }
  } else if (!m.scaled && t.Glued(j) && (LowerIs(t, j, "x") || t.Is(j, 0xD7)) && t.IsDigits(j + 1) &&
             t.Glued(j + 1) && t.Text(j + 1) == "10" && t.Is(j + 2, '^') && t.Glued(j + 2)) {
    double e = 0;
    if (size_t u = ReadExponent(t, j + 2, e)) {
      v *= std::pow(10.0, e);
      j = j + 2 + u;
      m.plain_integer = false;
    }
  }
  // A figure with a scale word read on in smaller parts: "4 thousand 3 hundred and 21",
  // "6 crore and two hundred"; and a fraction of the scale: "3 million and a half".
  if (read_on && m.scaled && !has_point && scale >= 2 && !(i > 0 && t.IsWord(i - 1, W_BETWEEN))) {
    int smallest = static_cast<int>(scale);
    for (int parts = 0; parts < 8; ++parts) {
      size_t k = j;
      bool with_and = t.IsWord(k, W_AND);
      if (with_and) ++k;
      NumberMatch next;
      if (t.IsDigits(k) && ParseDigitsPart(t, k, next) && next.scale_exp > 0 && next.scale_exp < smallest) {
        v += next.value;
        smallest = next.scale_exp;
        j = next.end;
        continue;
      }
      if (!with_and) break;
      double frac = v;
      if (size_t u = ReadAndFraction(t, j, smallest, smallest, frac)) {
        v = frac;
        j += u;
        m.fraction = true;
        break;
      }
      double rest = 0;
      if (t.IsDigits(k) && Len(t, k) <= 3 && !t.Is(k + 1, '.') && !t.Is(k + 1, ',')) {
        rest = static_cast<double>(SmallDigits(t.Text(k)));
        if (rest > 0 && rest < std::pow(10.0, smallest) && ScaleOf(t, k + 1, false) == 0 &&
            !(k + 1 < t.size() && t.items[k + 1].lex.cat == Cat::kHundred)) {
          v += rest;
          j = k + 1;
        }
      } else if (size_t u = ReadWordInteger(t, k, rest); u > 0 && rest > 0 && rest < std::pow(10.0, smallest)) {
        v += rest;
        j = k + u;
      }
      break;
    }
  }
  m.end = j;
  // A mixed number with a fraction character: "2¾".
  if (m.plain_integer && IsVulgar(t, j) && t.Glued(j)) {
    m.fraction = true;
    m.plain_integer = false;
    m.end = j + 1;
    return Finish(m, v + VulgarFraction(t.items[j].cp));
  }
  // Fractions in digits: "3/4", "2 1/4" (a mixed number), "-4/5".
  if (m.plain_integer && t.Is(j, '/') && t.Glued(j) && t.IsDigits(j + 1) && t.Glued(j + 1) && Len(t, j + 1) <= 3 &&
      Len(t, i) <= 3) {
    double den = static_cast<double>(SmallDigits(t.Text(j + 1)));
    if (den > 0 && v < den && den <= 16) {
      m.fraction = true;
      m.plain_integer = false;
      m.end = j + 2;
      return Finish(m, v / den);
    }
  }
  if (m.plain_integer && t.IsDigits(j) && t.items[j].space_before && Len(t, j) <= 2 && t.Is(j + 1, '/') &&
      t.Glued(j + 1) && t.IsDigits(j + 2) && t.Glued(j + 2) && Len(t, j + 2) <= 2) {
    double num = static_cast<double>(SmallDigits(t.Text(j)));
    double den = static_cast<double>(SmallDigits(t.Text(j + 2)));
    if (den > 0 && num < den && den <= 16) {
      m.fraction = true;
      m.plain_integer = false;
      m.end = j + 3;
      return Finish(m, v + num / den);
    }
  }
  return Finish(m, v);
}

}  // namespace

int ScaleOf(const Tokens& t, size_t i, bool money) {
  if (i >= t.size() || t.items[i].kind != TokKind::kWord) return 0;
  const Lexeme& l = t.items[i].lex;
  if (l.cat != Cat::kScale) return 0;
  if (l.abbrev && t.Text(i).size() == 1) {
    char c = static_cast<char>(t.Text(i)[0] | 0x20);
    if (c == 'k') return 3;
    if (!money) return 0;
  }
  return l.value;
}

namespace {

bool OpensNumber(const Tokens& t, size_t i) {
  const Token& k = t.items[i];
  if (k.kind == TokKind::kDigits) return true;
  if (k.cp == '.' && k.kind == TokKind::kPunct) return t.IsDigits(i + 1) && t.Glued(i + 1);
  if (IsVulgar(t, i)) return true;
  if (k.kind != TokKind::kWord) return false;
  if (k.lex.cat == Cat::kWord) return k.lex.value == W_A || k.lex.value == W_AN;
  return IsNumberWord(k.lex);
}

}  // namespace

void MarkNumberStarts(Tokens& t) {
  for (size_t i = 0; i < t.size(); ++i) t.items[i].starts_number = OpensNumber(t, i);
}

bool ParseNumber(const Tokens& t, size_t i, bool money, NumberMatch& out) {
  out = NumberMatch{};
  if (i >= t.size()) return false;
  const Token& k = t.items[i];
  if (k.kind == TokKind::kDigits) return ParseDigits(t, i, money, out);
  if (k.kind == TokKind::kPunct && k.cp == '.' && t.IsDigits(i + 1) && t.Glued(i + 1) &&
      (i == 0 || t.items[i].space_before))
    return ParseDigits(t, i, money, out);
  if (IsVulgar(t, i)) {
    out.begin = i;
    out.end = i + 1;
    out.fraction = true;
    return Finish(out, VulgarFraction(k.cp));
  }
  if (k.kind == TokKind::kWord) {
    const Lexeme& l = k.lex;
    if (l.cat == Cat::kUnit || l.cat == Cat::kTens || l.cat == Cat::kDenom ||
        (l.cat == Cat::kWord && (l.value == W_A || l.value == W_AN)))
      return ParseWords(t, i, out);
  }
  return false;
}

}  // namespace corroborate::extract
