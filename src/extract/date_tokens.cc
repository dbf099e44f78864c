// Token tests for the date scanners (see date_tokens.h). Tested through date_compose_test.cc.
#include "extract/date_tokens.h"

#include "extract/number_parser.h"

namespace corroborate::extract {


size_t Len(const Tokens& t, size_t i) { return t.items[i].end - t.items[i].start; }

int IntOf(const Tokens& t, size_t i) {
  if (!t.IsDigits(i) || Len(t, i) > 4) return -1;
  int v = 0;
  for (char c : t.Text(i)) v = v * 10 + (c - '0');
  return v;
}

bool IsDash(const Tokens& t, size_t i) {
  return t.Is(i, '-') || t.Is(i, 0x2013) || t.Is(i, 0x2014) || t.Is(i, 0x2010) || t.Is(i, 0x2011);
}

bool IsSep(const Tokens& t, size_t i) { return IsDash(t, i) || t.Is(i, '/') || t.Is(i, '.'); }

bool LowerIs(const Tokens& t, size_t i, std::string_view s) {
  if (i >= t.size() || t.items[i].kind != TokKind::kWord) return false;
  std::string_view w = t.Text(i);
  if (w.size() != s.size()) return false;
  for (size_t k = 0; k < s.size(); ++k)
    if ((w[k] | 0x20) != s[k]) return false;
  return true;
}

bool Clean(const Tokens& t, size_t j) {
  if (j >= t.size()) return true;
  if (!t.Glued(j)) return true;
  const Token& k = t.items[j];
  if (k.kind == TokKind::kWord || k.kind == TokKind::kDigits) return false;
  if ((k.cp == '.' || k.cp == ',' || k.cp == '/' || k.cp == '-' || k.cp == ':') && t.IsDigits(j + 1) && t.Glued(j + 1))
    return false;
  return true;
}

bool YearAt(const Tokens& t, size_t i, int& y) {
  if (!t.IsDigits(i) || Len(t, i) != 4) return false;
  y = IntOf(t, i);
  return y >= 1000 && y <= 2999 && Clean(t, i + 1);
}

bool DayAt(const Tokens& t, size_t i, int& day, size_t& next, bool& ordinal) {
  ordinal = false;
  if (t.IsDigits(i) && Len(t, i) <= 2) {
    day = IntOf(t, i);
    next = i + 1;
    if (t.Glued(next) && (LowerIs(t, next, "st") || LowerIs(t, next, "nd") || LowerIs(t, next, "rd") ||
                          LowerIs(t, next, "th"))) {
      ordinal = true;
      ++next;
    }
    if (!Clean(t, next)) return false;
    return day >= 1 && day <= 31;
  }
  if (i >= t.size()) return false;
  const Lexeme& l = t.items[i].lex;
  if (l.cat == Cat::kOrdinal && !l.plural && l.value <= 31) {
    day = l.value;
    next = i + 1;
    ordinal = true;
    return true;
  }
  if (l.cat == Cat::kTens && (l.value == 20 || l.value == 30)) {
    size_t k = i + 1;
    if (IsDash(t, k)) ++k;
    if (k < t.size() && t.items[k].lex.cat == Cat::kOrdinal && !t.items[k].lex.plural && t.items[k].lex.value < 10) {
      day = l.value + t.items[k].lex.value;
      next = k + 1;
      ordinal = true;
      return day <= 31;
    }
  }
  return false;
}

bool MonthAt(const Tokens& t, size_t i, int& month, size_t& next) {
  if (i >= t.size() || t.items[i].lex.cat != Cat::kMonth) return false;
  month = t.items[i].lex.value;
  next = i + 1;
  if (t.items[i].lex.abbrev && t.Is(next, '.') && t.Glued(next)) ++next;
  return true;
}

bool IsWeekday(const Tokens& t, size_t i) { return i < t.size() && t.items[i].lex.cat == Cat::kWeekday; }

bool MonthContextBefore(const Tokens& t, size_t i) {
  if (i == 0) return false;
  const Token& p = t.items[i - 1];
  if (p.lex.cat != Cat::kWord) return false;
  switch (p.lex.value) {
    case W_IN: case W_OF: case W_SINCE: case W_UNTIL: case W_BY: case W_FROM: case W_DURING:
    case W_LAST: case W_NEXT: case W_THIS: case W_EARLY: case W_LATE: case W_MID: case W_BEFORE:
    case W_AFTER: case W_THROUGH: case W_TO: case W_PAST: case W_COMING: case W_BETWEEN: case W_AND:
      return true;
    default:
      return false;
  }
}

DateGrain UnitGrain(const Tokens& t, size_t i, bool& ok) {
  ok = true;
  if (t.IsWord(i, W_DAY)) return DateGrain::kDay;
  if (t.IsWord(i, W_WEEK)) return DateGrain::kWeek;
  if (t.IsWord(i, W_MONTH)) return DateGrain::kMonth;
  if (t.IsWord(i, W_YEAR)) return DateGrain::kYear;
  if (i < t.size() && t.items[i].lex.cat == Cat::kDenom && t.items[i].lex.value == 4) return DateGrain::kQuarter;
  ok = false;
  return DateGrain::kDay;
}

// A two-digit year by the POSIX strptime pivot: 69..99 are 1969..1999, 00..68 are 2000..2068.
int TwoDigitYear(int yy, int pub_year) { return yy >= 69 ? 1900 + yy : 2000 + yy; }


namespace {

// A two-digit number in words at i ("seventy-eight", "ninety", "five"); 0 tokens if none.
size_t TwoDigitWords(const Tokens& t, size_t i, int& v) {
  if (i >= t.size()) return 0;
  const Lexeme& l = t.items[i].lex;
  if (l.cat == Cat::kUnit && l.value >= 1) {
    v = l.value;
    return 1;
  }
  if (l.cat != Cat::kTens) return 0;
  v = l.value;
  size_t k = i + 1;
  if (IsDash(t, k)) ++k;
  if (k < t.size() && t.items[k].lex.cat == Cat::kUnit && t.items[k].lex.value >= 1 && t.items[k].lex.value <= 9) {
    v += t.items[k].lex.value;
    return k + 1 - i;
  }
  return 1;
}

}  // namespace

bool WordYearAt(const Tokens& t, size_t i, int& y, size_t& next) {
  if (i >= t.size() || t.items[i].kind != TokKind::kWord) return false;
  const Lexeme& a = t.items[i].lex;
  // The pair form: "nineteen seventy-eight", "nineteen hundred ninety three", "twenty twenty".
  if ((a.cat == Cat::kUnit && a.value >= 10) || (a.cat == Cat::kTens && a.value == 20)) {
    size_t k = i + 1;
    int rest = 0;
    if (k < t.size() && t.items[k].lex.cat == Cat::kHundred && !t.items[k].lex.plural) {
      ++k;
      size_t k2 = t.IsWord(k, W_AND) ? k + 1 : k;
      if (size_t u = TwoDigitWords(t, k2, rest)) k = k2 + u;
    } else if (k < t.size() && t.items[k].lex.cat == Cat::kTens) {
      k += TwoDigitWords(t, k, rest);
    } else {
      return false;
    }
    y = a.value * 100 + rest;
    next = k;
    return y >= 1000 && y <= 2999;
  }
  // "two thousand and five", "one thousand seven hundred and eighty nine".
  if (a.cat == Cat::kUnit && (a.value == 1 || a.value == 2) && i + 1 < t.size() &&
      t.items[i + 1].lex.cat == Cat::kScale && t.items[i + 1].lex.value == 3 && !t.items[i + 1].lex.abbrev) {
    NumberMatch m;
    if (!ParseNumber(t, i, false, m) || !m.representable || m.fraction || m.value < 1000 || m.value > 2999 ||
        m.value != static_cast<int>(m.value))
      return false;
    y = static_cast<int>(m.value);
    next = m.end;
    return true;
  }
  return false;
}

}  // namespace corroborate::extract
