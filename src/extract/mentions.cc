// Names and ISO values of mentions (see mentions.h). Tested in extract_test.cc.
#include "extract/mentions.h"

#include <cstdio>

namespace corroborate {

std::string DateValue(const DateMention& d) {
  char buf[32];
  switch (d.grain) {
    case DateGrain::kDay:
      std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", d.year, d.month, d.day);
      break;
    case DateGrain::kWeek:
      std::snprintf(buf, sizeof(buf), "%04d-W%02d", d.year, d.week);
      break;
    case DateGrain::kMonth:
      std::snprintf(buf, sizeof(buf), "%04d-%02d", d.year, d.month);
      break;
    case DateGrain::kQuarter:
      std::snprintf(buf, sizeof(buf), "%04d-Q%d", d.year, d.quarter);
      break;
    case DateGrain::kYear:
      std::snprintf(buf, sizeof(buf), "%04d", d.year);
      break;
  }
  return buf;
}

const char* KindName(QuantityKind k) {
  switch (k) {
    case QuantityKind::kMoney: return "money";
    case QuantityKind::kPercent: return "percent";
    case QuantityKind::kCount: return "count";
    case QuantityKind::kNumber: break;
  }
  return "number";
}

const char* QualifierName(Qualifier q) {
  switch (q) {
    case Qualifier::kAbout: return "about";
    case Qualifier::kUpTo: return "up_to";
    case Qualifier::kAtLeast: return "at_least";
    case Qualifier::kMoreThan: return "more_than";
    case Qualifier::kLessThan: return "less_than";
    case Qualifier::kRange: return "range";
    case Qualifier::kExact: break;
  }
  return "exact";
}

const char* GrainName(DateGrain g) {
  switch (g) {
    case DateGrain::kWeek: return "week";
    case DateGrain::kMonth: return "month";
    case DateGrain::kQuarter: return "quarter";
    case DateGrain::kYear: return "year";
    case DateGrain::kDay: break;
  }
  return "day";
}

}  // namespace corroborate
