// The English words the quantity and date scanners know (number words, months, weekdays, qualifiers,
// relative-date words), looked up once per word token. Tested in tokens_test.cc.
#pragma once

#include <cstdint>
#include <string_view>

namespace corroborate::extract {

enum class Cat : uint8_t {
  kNone,
  kUnit,      // zero..nineteen: value
  kTens,      // twenty..ninety: value
  kHundred,   // hundred
  kScale,     // thousand, million, bn, lakh...: value = power of ten
  kDozen,     // dozen(s): 12
  kOrdinal,   // first..thirty-first, tenth, twentieth...: value (also fraction denominators)
  kDenom,     // half(ves), quarter(s): fraction denominators that are not ordinals
  kScaleOrdinal,  // millionth(s), billionth(s), trillionth(s): value = power of ten
  kMonth,     // january..december and abbreviations: value 1..12
  kWeekday,   // monday..sunday: value 1..7 (ISO)
  kWord,      // a function word: value is a W enumerator
};

// Function words the scanners test for; one enumerator per spelling they care about.
enum W : int16_t {
  W_NONE, W_A, W_AN, W_AND, W_THE, W_OF, W_ON, W_IN, W_AT, W_BY, W_SINCE, W_FROM, W_TO, W_THROUGH,
  W_UNTIL, W_BETWEEN, W_LAST, W_NEXT, W_THIS, W_PREVIOUS, W_COMING, W_PAST, W_CURRENT, W_AGO,
  W_LATER, W_EARLIER, W_EARLY, W_LATE, W_MID, W_DAY, W_WEEK, W_MONTH, W_YEAR, W_DECADE, W_WEEKEND,
  W_TODAY, W_YESTERDAY, W_TOMORROW, W_TONIGHT, W_NOW, W_UP, W_AS, W_MUCH, W_MANY, W_ABOUT, W_AROUND,
  W_ROUGHLY, W_APPROXIMATELY, W_APPROX, W_NEARLY, W_ALMOST, W_CLOSE, W_SOME, W_ESTIMATED, W_MORE,
  W_THAN, W_OVER, W_LEAST, W_LESS, W_FEWER, W_UNDER, W_BELOW, W_ABOVE, W_EXCESS, W_PERCENT,
  W_PERCENTAGE, W_PCT, W_PER, W_CENT, W_POINT, W_POINTS, W_MINUS, W_NEGATIVE, W_WILL, W_SHALL,
  W_LL, W_BEGINNING, W_START, W_END, W_Q, W_AFTER, W_BEFORE, W_BEYOND, W_TOP, W_OUT, W_DURING,
  W_WITHIN, W_FOR, W_PERCENTS, W_THAN_EXPECTED, W_FROM_NOW, W_ONE, W_YEARS_PLURAL, W_IS, W_WAS,
  W_ARE, W_WERE, W_BE, W_HAS, W_HAVE, W_HAD, W_WHO, W_THAT, W_WHICH, W_OR, W_NOR, W_BUT, W_IT,
  W_WITH, W_ITS, W_THEIR, W_HIS, W_HER, W_A_FEW, W_SEVERAL, W_TIMES, W_PLANS, W_EXPECTED, W_DUE,
  W_SCHEDULED, W_UPCOMING, W_GOING, W_WOULD, W_COULD, W_MAY, W_MIGHT, W_FOLLOWING, W_FORTNIGHT,
  W_EACH, W_EVERY, W_ANY, W_NO, W_ANOTHER, W_SUCH, W_SAME, W_FEW, W_REST, W_CHRISTMAS, W_EASTER,
  W_EVE, W_NEW, W_FINAL,
};

struct Lexeme {
  Cat cat = Cat::kNone;
  int16_t value = 0;
  bool plural = false;  // "thirds", "dozens", "weeks": the -s form
  bool abbrev = false;  // "jan", "sept": a month or weekday abbreviation
};

// `lower` is the word in ASCII lower case. Unknown words give Cat::kNone.
Lexeme LookUp(std::string_view lower);

}  // namespace corroborate::extract
