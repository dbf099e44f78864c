// When two role values agree, and when two organisation names name one party (see
// extract_events.h). Tested in events_test.cc.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "events/extract_events.h"
#include "extract/civil_date.h"

namespace corroborate {
namespace {

std::string NormalName(const std::string& s) {
  static const char* kSuffixes[] = {"inc", "corp", "corporation", "group", "ltd", "plc", "asa", "ag", "sa",
                                    "nv", "co", "company", "holdings", "llc", "limited", "com"};
  std::vector<std::string> words;
  std::string cur;
  for (char c : s + " ") {
    if (std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) >= 0x80)) {
      cur.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!cur.empty()) {
      words.push_back(cur);
      cur.clear();
    }
  }
  if (!words.empty() && words.front() == "the") words.erase(words.begin());
  while (words.size() > 1) {
    bool suffix = false;
    for (const char* x : kSuffixes) suffix |= words.back() == x;
    if (!suffix) break;
    words.pop_back();
  }
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// A date mention's period as days since 1970 [first, last].
void Period(const DateMention& d, int64_t* first, int64_t* last) {
  using namespace extract;
  switch (d.grain) {
    case DateGrain::kDay: *first = *last = DaysFromCivil(d.year, d.month, d.day); return;
    case DateGrain::kMonth:
      *first = DaysFromCivil(d.year, d.month, 1);
      *last = DaysFromCivil(d.year, d.month, DaysInMonth(d.year, d.month));
      return;
    case DateGrain::kQuarter:
      *first = DaysFromCivil(d.year, 3 * d.quarter - 2, 1);
      *last = DaysFromCivil(d.year, 3 * d.quarter, DaysInMonth(d.year, 3 * d.quarter));
      return;
    case DateGrain::kWeek: {
      // ISO week: the Monday of week 1 is the Monday on or before January 4.
      int64_t jan4 = DaysFromCivil(d.year, 1, 4);
      *first = jan4 - (IsoWeekday(jan4) - 1) + 7 * (d.week - 1);
      *last = *first + 6;
      return;
    }
    case DateGrain::kYear:
      *first = DaysFromCivil(d.year, 1, 1);
      *last = DaysFromCivil(d.year, 12, 31);
      return;
  }
}

bool NumbersAgree(const Quantity& a, const Quantity& b) {
  bool money_a = a.kind == QuantityKind::kMoney, money_b = b.kind == QuantityKind::kMoney;
  if (money_a != money_b) return false;
  if (money_a && a.currency[0] != 0 && b.currency[0] != 0 && std::string(a.currency) != std::string(b.currency))
    return false;
  auto within = [](double x, double y) { return std::fabs(x - y) <= 0.02 * std::max(std::fabs(x), std::fabs(y)); };
  if (within(a.value, b.value)) return true;
  auto in_range = [&](const Quantity& r, double v) {
    return r.qualifier == Qualifier::kRange && v >= r.value * 0.98 && v <= r.value_max * 1.02;
  };
  return in_range(a, b.value) || in_range(b, a.value);
}

// The unit of a figure's last significant digit: 0.01e9 for 2.07 billion, 1e3 for 16,000, 0.1 for 2.1.
double LastDigitUnit(double v) {
  double a = std::fabs(v);
  if (a == 0) return 1;
  int top = static_cast<int>(std::floor(std::log10(a)));
  for (int e = top; e > top - 16; --e) {
    double unit = std::pow(10.0, e);
    if (std::fabs(a - std::round(a / unit) * unit) <= 1e-9 * a) return unit;
  }
  return std::pow(10.0, top - 15);
}

// The values a quantity's words allow: the figure give or take half its last digit (a whole one
// when it is "about"), bounded on one side by "up to", "more than" and their kin.
void Bounds(const Quantity& q, double* lo, double* hi) {
  double half = LastDigitUnit(q.value) / 2;
  double top = q.qualifier == Qualifier::kRange ? q.value_max : q.value;
  if (q.qualifier == Qualifier::kRange) half = std::min(half, LastDigitUnit(q.value_max) / 2);
  *lo = q.value - half;
  *hi = top + half;
  switch (q.qualifier) {
    case Qualifier::kAbout: *lo -= half; *hi += half; break;
    case Qualifier::kUpTo:
    case Qualifier::kLessThan: *lo = q.value < 0 ? -HUGE_VAL : 0; break;
    case Qualifier::kAtLeast:
    case Qualifier::kMoreThan: *hi = q.value < 0 ? 0 : HUGE_VAL; break;
    default: break;
  }
}

}  // namespace

bool ValuesCompatible(const RoleValue& a, const RoleValue& b) {
  if (a.kind != b.kind) return false;
  if (a.kind == RoleValue::Kind::kDate) {
    int64_t a0, a1, b0, b1;
    Period(a.date, &a0, &a1);
    Period(b.date, &b0, &b1);
    return a0 <= b1 && b0 <= a1;
  }
  if (a.kind != RoleValue::Kind::kQuantity) return ValuesAgree(a, b);
  double alo, ahi, blo, bhi;
  Bounds(a.quantity, &alo, &ahi);
  Bounds(b.quantity, &blo, &bhi);
  return alo <= bhi && blo <= ahi;
}

bool SameMeasure(const RoleValue& a, const RoleValue& b) {
  if (a.kind != b.kind) return false;
  if (a.kind != RoleValue::Kind::kQuantity) return true;
  bool money_a = a.quantity.kind == QuantityKind::kMoney, money_b = b.quantity.kind == QuantityKind::kMoney;
  bool pct_a = a.quantity.kind == QuantityKind::kPercent, pct_b = b.quantity.kind == QuantityKind::kPercent;
  if (money_a != money_b || pct_a != pct_b) return false;
  return !money_a || a.quantity.currency[0] == 0 || b.quantity.currency[0] == 0 ||
         std::string(a.quantity.currency) == std::string(b.quantity.currency);
}

bool SameParty(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  // "Halvorsen" names "Halvorsen Maritime": one name's words begin the other's.
  std::string x = NormalName(a), y = NormalName(b);
  if (x.size() > y.size()) std::swap(x, y);
  return !x.empty() && y.compare(0, x.size(), x) == 0 && (y.size() == x.size() || y[x.size()] == ' ');
}

bool ValuesAgree(const RoleValue& a, const RoleValue& b) {
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case RoleValue::Kind::kEntity: return SameParty(a.text, b.text);
    case RoleValue::Kind::kQuantity: return NumbersAgree(a.quantity, b.quantity);
    case RoleValue::Kind::kDate: {
      int64_t a0, a1, b0, b1;
      Period(a.date, &a0, &a1);
      Period(b.date, &b0, &b1);
      return (a0 <= b0 && b1 <= a1) || (b0 <= a0 && a1 <= b1);
    }
    case RoleValue::Kind::kText: {
      if (a.text.size() != b.text.size()) return false;
      for (size_t i = 0; i < a.text.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(a.text[i])) != std::tolower(static_cast<unsigned char>(b.text[i])))
          return false;
      }
      return true;
    }
  }
  return false;
}

bool KeysAgree(const Event& a, const Event& b, bool need_all) {
  if (a.type != b.type) return false;
  // What kind of legal event, which direction of an executive change: a lawsuit and its
  // settlement, an appointment and a departure, are two events.
  for (const char* what : {"kind", "direction"}) {
    const RoleValue* x = a.Find(what);
    const RoleValue* y = b.Find(what);
    if (x && y && x->text != y->text) return false;
  }
  bool shared = false;
  for (const std::string& k : KeyRoles(a.type)) {
    const RoleValue* x = a.Find(k);
    const RoleValue* y = b.Find(k);
    if (x && y) {
      if (!ValuesAgree(*x, *y)) return false;
      shared = true;
    } else if (need_all && (x != nullptr) != (y != nullptr)) {
      return false;
    }
  }
  return shared;
}

bool NumbersAgree(const Event& a, const Event& b) {
  if (a.type == EventType::kLayoffs && a.cumulative != b.cumulative && a.Find("count") && b.Find("count")) return false;
  for (const Role& r : a.roles) {
    if (r.value.kind != RoleValue::Kind::kQuantity) continue;
    const RoleValue* y = b.Find(r.name);
    if (y && !ValuesAgree(r.value, *y)) return false;
  }
  return true;
}

}  // namespace corroborate
