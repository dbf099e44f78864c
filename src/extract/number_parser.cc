// The number reader (see number_parser.h). Tested in number_parser_test.cc.
#include "extract/number_parser.h"

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

// A fraction denominator word after a numerator: "thirds", "quarter", "fifths", "hundredths".
// "first" and "second" are left out: "one second" is a time, "a first" a rank.
int Denominator(const Tokens& t, size_t i, bool plural_ok) {
  if (i >= t.size()) return 0;
  const Lexeme& l = t.items[i].lex;
  if (l.cat == Cat::kDenom) return l.value;
  if (l.cat == Cat::kOrdinal && l.value >= 3) return l.value;
  return 0;
}

// Reads an integer in words starting at i: "twenty-one trillion three hundred", "two hundred and six".
// Returns tokens consumed (0 if none); `value` gets the number.
size_t ReadWordInteger(const Tokens& t, size_t i, double& value) {
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
               t.items[j + 1].lex.value > 0 && Denominator(t, j + 2, true) == 0 &&
               !(t.items[j + 1].lex.value == 1 && j + 2 < t.size() && t.items[j + 2].lex.cat == Cat::kDenom)) {
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

// "and a half", "and three fifths", "and one fourth" after an integer: the fraction added.
size_t ReadAndFraction(const Tokens& t, size_t j, double& add) {
  if (!t.IsWord(j, W_AND)) return 0;
  size_t k = j + 1;
  double num = 0;
  if (t.IsWord(k, W_A) || t.IsWord(k, W_AN)) {
    num = 1;
    ++k;
  } else if (k < t.size() && t.items[k].lex.cat == Cat::kUnit && t.items[k].lex.value > 0) {
    num = t.items[k].lex.value;
    ++k;
  } else {
    return 0;
  }
  int den = Denominator(t, k, true);
  if (den == 0) return 0;
  add = num / den;
  return k + 1 - j;
}

bool ParseWords(const Tokens& t, size_t i, NumberMatch& m) {
  size_t j = i;
  double value = 0;
  bool article = false;
  const Lexeme& first = t.items[i].lex;
  if (t.IsWord(i, W_A) || t.IsWord(i, W_AN)) {
    // "a dozen", "a hundred", "a half", "a quarter million", "a fifth"; a bare "a" is not a number.
    const Lexeme& n = i + 1 < t.size() ? t.items[i + 1].lex : Lexeme{};
    bool ok = n.cat == Cat::kDozen || n.cat == Cat::kHundred || (n.cat == Cat::kScale && !n.abbrev) ||
              n.cat == Cat::kDenom || (n.cat == Cat::kOrdinal && n.value >= 3 && !n.plural);
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
    if (n.cat == Cat::kDenom || n.cat == Cat::kOrdinal) {
      int den = Denominator(t, j, false);
      if (den == 0) return false;
      ++j;
      value = 1.0 / den;
      m.fraction = true;
      if (j < t.size() && t.items[j].lex.cat == Cat::kScale && !t.items[j].lex.abbrev) {
        value *= std::pow(10.0, t.items[j].lex.value);  // "a quarter million"
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
      if (j < t.size() && t.items[j].lex.cat == Cat::kScale && !t.items[j].lex.abbrev) {
        value *= std::pow(10.0, t.items[j].lex.value);
        ++j;
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
    m.scaled = true;
    m.begin = i;
    m.end = j;
    return Finish(m, value);
  }
  size_t used = ReadWordInteger(t, i, value);
  if (used == 0) return false;
  j = i + used;
  m.words = true;
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
  // Fractions: "two thirds", "one-eighth", "twenty and three fifths", "one and a half".
  double add = 0;
  if (size_t u = ReadAndFraction(t, j, add)) {
    // "one million and a half" is 1.5 million: the fraction is of the last scale named.
    int last_scale = 0;
    if (j > i && t.items[j - 1].lex.cat == Cat::kScale) last_scale = t.items[j - 1].lex.value;
    value += add * std::pow(10.0, last_scale);
    j += u;
    m.fraction = true;
  } else {
    size_t k = j;
    if (IsDash(t, k)) ++k;
    int den = Denominator(t, k, true);
    if (den > 0 && value > 0 && value < 1000 && !(den <= 31 && t.items[k].lex.cat == Cat::kOrdinal &&
                                                  value == 1 && !t.items[k].lex.plural && t.IsWord(k + 1, W_OF))) {
      bool plural = t.items[k].lex.plural;
      if ((value == 1 && !plural) || (value > 1 && plural) || t.items[k].lex.cat == Cat::kDenom) {
        value /= den;
        j = k + 1;
        m.fraction = true;
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

bool ParseDigits(const Tokens& t, size_t i, bool money, NumberMatch& m) {
  DigitBuffer d;
  size_t j = i;
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
  // Following scale word: "3 million", "2.33 k", "322 hundred", "3 dozens".
  if (scale == 0 && j < t.size() && t.items[j].space_before) {
    const Lexeme& l = t.items[j].lex;
    int s = ScaleOf(t, j, money);
    if (s > 0 && !(l.abbrev && LowerIs(t, j, "m") && !money)) {
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
  }
  m.end = j;
  if (d.overflow || d.significant > kMaxSignificant || scale > 30 || scale < -30) {
    m.representable = false;
    return true;
  }
  double v = d.Value();
  if (scale != 0) v *= std::pow(10.0, scale);
  if (m.scaled) m.scale_exp = static_cast<int>(scale);
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

bool StartsNumber(const Tokens& t, size_t i) {
  if (i >= t.size()) return false;
  const Token& k = t.items[i];
  if (k.kind == TokKind::kDigits) return true;
  if (k.cp == '.' && k.kind == TokKind::kPunct) return t.IsDigits(i + 1) && t.Glued(i + 1);
  if (k.kind != TokKind::kWord) return false;
  if (k.lex.cat == Cat::kWord) return k.lex.value == W_A || k.lex.value == W_AN;
  return IsNumberWord(k.lex);
}

bool ParseNumber(const Tokens& t, size_t i, bool money, NumberMatch& out) {
  out = NumberMatch{};
  if (i >= t.size()) return false;
  const Token& k = t.items[i];
  if (k.kind == TokKind::kDigits) return ParseDigits(t, i, money, out);
  if (k.kind == TokKind::kPunct && k.cp == '.' && t.IsDigits(i + 1) && t.Glued(i + 1) &&
      (i == 0 || t.items[i].space_before))
    return ParseDigits(t, i, money, out);
  if (k.kind == TokKind::kWord) {
    const Lexeme& l = k.lex;
    if (l.cat == Cat::kUnit || l.cat == Cat::kTens || l.cat == Cat::kDenom ||
        (l.cat == Cat::kWord && (l.value == W_A || l.value == W_AN)))
      return ParseWords(t, i, out);
  }
  return false;
}

}  // namespace corroborate::extract
