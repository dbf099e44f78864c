// The word table behind lexicon.h (a flat WordTable, built once). Tested through
// number_parser_test.cc and extract_test.cc.
#include "extract/lexicon.h"

#include "extract/word_table.h"

namespace corroborate::extract {
namespace {

struct Entry {
  std::string_view word;
  Lexeme lex;
};

constexpr Lexeme L(Cat c, int v, bool plural = false, bool abbrev = false) {
  Lexeme l;
  l.cat = c;
  l.value = static_cast<int16_t>(v);
  l.plural = plural;
  l.abbrev = abbrev;
  return l;
}
constexpr Lexeme Wd(W w) { return L(Cat::kWord, w); }

const Entry kEntries[] = {
    {"zero", L(Cat::kUnit, 0)}, {"nought", L(Cat::kUnit, 0)}, {"naught", L(Cat::kUnit, 0)},
    {"one", L(Cat::kUnit, 1)}, {"two", L(Cat::kUnit, 2)}, {"three", L(Cat::kUnit, 3)},
    {"four", L(Cat::kUnit, 4)}, {"five", L(Cat::kUnit, 5)}, {"six", L(Cat::kUnit, 6)},
    {"seven", L(Cat::kUnit, 7)}, {"eight", L(Cat::kUnit, 8)}, {"nine", L(Cat::kUnit, 9)},
    {"ten", L(Cat::kUnit, 10)}, {"eleven", L(Cat::kUnit, 11)}, {"twelve", L(Cat::kUnit, 12)},
    {"thirteen", L(Cat::kUnit, 13)}, {"fourteen", L(Cat::kUnit, 14)}, {"fifteen", L(Cat::kUnit, 15)},
    {"sixteen", L(Cat::kUnit, 16)}, {"seventeen", L(Cat::kUnit, 17)}, {"eighteen", L(Cat::kUnit, 18)},
    {"nineteen", L(Cat::kUnit, 19)},
    {"twenty", L(Cat::kTens, 20)}, {"thirty", L(Cat::kTens, 30)}, {"forty", L(Cat::kTens, 40)},
    {"fifty", L(Cat::kTens, 50)}, {"sixty", L(Cat::kTens, 60)}, {"seventy", L(Cat::kTens, 70)},
    {"eighty", L(Cat::kTens, 80)}, {"ninety", L(Cat::kTens, 90)},
    {"hundred", L(Cat::kHundred, 2)}, {"hundreds", L(Cat::kHundred, 2, true)},
    {"thousand", L(Cat::kScale, 3)}, {"k", L(Cat::kScale, 3, false, true)},
    {"million", L(Cat::kScale, 6)}, {"mn", L(Cat::kScale, 6, false, true)},
    {"mln", L(Cat::kScale, 6, false, true)}, {"mil", L(Cat::kScale, 6, false, true)},
    {"mm", L(Cat::kScale, 6, false, true)}, {"m", L(Cat::kScale, 6, false, true)},
    {"billion", L(Cat::kScale, 9)}, {"bn", L(Cat::kScale, 9, false, true)},
    {"bln", L(Cat::kScale, 9, false, true)}, {"b", L(Cat::kScale, 9, false, true)},
    {"trillion", L(Cat::kScale, 12)}, {"tn", L(Cat::kScale, 12, false, true)},
    {"tln", L(Cat::kScale, 12, false, true)}, {"trn", L(Cat::kScale, 12, false, true)},
    {"lakh", L(Cat::kScale, 5)}, {"lakhs", L(Cat::kScale, 5, true)}, {"crore", L(Cat::kScale, 7)},
    {"crores", L(Cat::kScale, 7, true)},
    {"dozen", L(Cat::kDozen, 12)}, {"dozens", L(Cat::kDozen, 12, true)}, {"dozs", L(Cat::kDozen, 12, true)},
    {"first", L(Cat::kOrdinal, 1)}, {"second", L(Cat::kOrdinal, 2)}, {"third", L(Cat::kOrdinal, 3)},
    {"thirds", L(Cat::kOrdinal, 3, true)}, {"fourth", L(Cat::kOrdinal, 4)},
    {"fourths", L(Cat::kOrdinal, 4, true)}, {"fifth", L(Cat::kOrdinal, 5)},
    {"fifths", L(Cat::kOrdinal, 5, true)}, {"sixth", L(Cat::kOrdinal, 6)},
    {"sixths", L(Cat::kOrdinal, 6, true)}, {"seventh", L(Cat::kOrdinal, 7)},
    {"sevenths", L(Cat::kOrdinal, 7, true)}, {"eighth", L(Cat::kOrdinal, 8)},
    {"eighths", L(Cat::kOrdinal, 8, true)}, {"ninth", L(Cat::kOrdinal, 9)},
    {"ninths", L(Cat::kOrdinal, 9, true)}, {"tenth", L(Cat::kOrdinal, 10)},
    {"tenths", L(Cat::kOrdinal, 10, true)}, {"eleventh", L(Cat::kOrdinal, 11)},
    {"twelfth", L(Cat::kOrdinal, 12)}, {"thirteenth", L(Cat::kOrdinal, 13)},
    {"fourteenth", L(Cat::kOrdinal, 14)}, {"fifteenth", L(Cat::kOrdinal, 15)},
    {"sixteenth", L(Cat::kOrdinal, 16)}, {"seventeenth", L(Cat::kOrdinal, 17)},
    {"eighteenth", L(Cat::kOrdinal, 18)}, {"nineteenth", L(Cat::kOrdinal, 19)},
    {"twentieth", L(Cat::kOrdinal, 20)}, {"twentieths", L(Cat::kOrdinal, 20, true)},
    {"thirtieth", L(Cat::kOrdinal, 30)}, {"hundredth", L(Cat::kOrdinal, 100)},
    {"hundredths", L(Cat::kOrdinal, 100, true)}, {"thousandth", L(Cat::kOrdinal, 1000)},
    {"thousandths", L(Cat::kOrdinal, 1000, true)}, {"firsts", L(Cat::kOrdinal, 1, true)},
    {"millionth", L(Cat::kScaleOrdinal, 6)}, {"millionths", L(Cat::kScaleOrdinal, 6, true)},
    {"billionth", L(Cat::kScaleOrdinal, 9)}, {"billionths", L(Cat::kScaleOrdinal, 9, true)},
    {"trillionth", L(Cat::kScaleOrdinal, 12)}, {"trillionths", L(Cat::kScaleOrdinal, 12, true)},
    {"fortieth", L(Cat::kOrdinal, 40)}, {"fiftieth", L(Cat::kOrdinal, 50)},
    {"sixtieth", L(Cat::kOrdinal, 60)}, {"seventieth", L(Cat::kOrdinal, 70)},
    {"eightieth", L(Cat::kOrdinal, 80)}, {"ninetieth", L(Cat::kOrdinal, 90)},
    {"thirtieths", L(Cat::kOrdinal, 30, true)}, {"elevenths", L(Cat::kOrdinal, 11, true)},
    {"twelfths", L(Cat::kOrdinal, 12, true)}, {"thirteenths", L(Cat::kOrdinal, 13, true)},
    {"fifteenths", L(Cat::kOrdinal, 15, true)}, {"sixteenths", L(Cat::kOrdinal, 16, true)},
    {"half", L(Cat::kDenom, 2)}, {"halves", L(Cat::kDenom, 2, true)},
    {"quarter", L(Cat::kDenom, 4)}, {"quarters", L(Cat::kDenom, 4, true)},
    {"january", L(Cat::kMonth, 1)}, {"jan", L(Cat::kMonth, 1, false, true)},
    {"february", L(Cat::kMonth, 2)}, {"feb", L(Cat::kMonth, 2, false, true)},
    {"march", L(Cat::kMonth, 3)}, {"mar", L(Cat::kMonth, 3, false, true)},
    {"april", L(Cat::kMonth, 4)}, {"apr", L(Cat::kMonth, 4, false, true)},
    {"may", L(Cat::kMonth, 5)}, {"june", L(Cat::kMonth, 6)}, {"jun", L(Cat::kMonth, 6, false, true)},
    {"july", L(Cat::kMonth, 7)}, {"jul", L(Cat::kMonth, 7, false, true)},
    {"august", L(Cat::kMonth, 8)}, {"aug", L(Cat::kMonth, 8, false, true)},
    {"september", L(Cat::kMonth, 9)}, {"sep", L(Cat::kMonth, 9, false, true)},
    {"sept", L(Cat::kMonth, 9, false, true)}, {"october", L(Cat::kMonth, 10)},
    {"oct", L(Cat::kMonth, 10, false, true)}, {"november", L(Cat::kMonth, 11)},
    {"nov", L(Cat::kMonth, 11, false, true)}, {"december", L(Cat::kMonth, 12)},
    {"dec", L(Cat::kMonth, 12, false, true)},
    {"monday", L(Cat::kWeekday, 1)}, {"mon", L(Cat::kWeekday, 1, false, true)},
    {"tuesday", L(Cat::kWeekday, 2)}, {"tues", L(Cat::kWeekday, 2, false, true)},
    {"tue", L(Cat::kWeekday, 2, false, true)}, {"wednesday", L(Cat::kWeekday, 3)},
    {"wed", L(Cat::kWeekday, 3, false, true)}, {"thursday", L(Cat::kWeekday, 4)},
    {"thurs", L(Cat::kWeekday, 4, false, true)}, {"thu", L(Cat::kWeekday, 4, false, true)},
    {"friday", L(Cat::kWeekday, 5)}, {"fri", L(Cat::kWeekday, 5, false, true)},
    {"saturday", L(Cat::kWeekday, 6)}, {"sat", L(Cat::kWeekday, 6, false, true)},
    {"sunday", L(Cat::kWeekday, 7)}, {"sun", L(Cat::kWeekday, 7, false, true)},
    {"a", Wd(W_A)}, {"an", Wd(W_AN)}, {"and", Wd(W_AND)}, {"the", Wd(W_THE)}, {"of", Wd(W_OF)},
    {"on", Wd(W_ON)}, {"in", Wd(W_IN)}, {"at", Wd(W_AT)}, {"by", Wd(W_BY)}, {"since", Wd(W_SINCE)},
    {"from", Wd(W_FROM)}, {"to", Wd(W_TO)}, {"through", Wd(W_THROUGH)}, {"until", Wd(W_UNTIL)},
    {"till", Wd(W_UNTIL)}, {"between", Wd(W_BETWEEN)}, {"last", Wd(W_LAST)}, {"next", Wd(W_NEXT)},
    {"this", Wd(W_THIS)}, {"previous", Wd(W_PREVIOUS)}, {"coming", Wd(W_COMING)},
    {"past", Wd(W_PAST)}, {"current", Wd(W_CURRENT)}, {"ago", Wd(W_AGO)}, {"later", Wd(W_LATER)},
    {"earlier", Wd(W_EARLIER)}, {"early", Wd(W_EARLY)}, {"late", Wd(W_LATE)}, {"mid", Wd(W_MID)},
    {"day", Wd(W_DAY)}, {"days", L(Cat::kWord, W_DAY, true)}, {"week", Wd(W_WEEK)},
    {"weeks", L(Cat::kWord, W_WEEK, true)}, {"month", Wd(W_MONTH)},
    {"months", L(Cat::kWord, W_MONTH, true)}, {"year", Wd(W_YEAR)},
    {"years", L(Cat::kWord, W_YEAR, true)}, {"decade", Wd(W_DECADE)},
    {"decades", L(Cat::kWord, W_DECADE, true)}, {"weekend", Wd(W_WEEKEND)},
    {"today", Wd(W_TODAY)}, {"yesterday", Wd(W_YESTERDAY)}, {"tomorrow", Wd(W_TOMORROW)},
    {"tmrw", Wd(W_TOMORROW)}, {"tonight", Wd(W_TONIGHT)}, {"now", Wd(W_NOW)}, {"up", Wd(W_UP)},
    {"as", Wd(W_AS)}, {"much", Wd(W_MUCH)}, {"many", Wd(W_MANY)}, {"about", Wd(W_ABOUT)},
    {"around", Wd(W_AROUND)}, {"roughly", Wd(W_ROUGHLY)}, {"approximately", Wd(W_APPROXIMATELY)},
    {"approx", Wd(W_APPROX)}, {"nearly", Wd(W_NEARLY)}, {"almost", Wd(W_ALMOST)},
    {"close", Wd(W_CLOSE)}, {"some", Wd(W_SOME)}, {"estimated", Wd(W_ESTIMATED)},
    {"more", Wd(W_MORE)}, {"than", Wd(W_THAN)}, {"over", Wd(W_OVER)}, {"least", Wd(W_LEAST)},
    {"less", Wd(W_LESS)}, {"fewer", Wd(W_FEWER)}, {"under", Wd(W_UNDER)}, {"below", Wd(W_BELOW)},
    {"above", Wd(W_ABOVE)}, {"excess", Wd(W_EXCESS)}, {"percent", Wd(W_PERCENT)},
    {"percents", Wd(W_PERCENTS)}, {"percentage", Wd(W_PERCENTAGE)}, {"pct", Wd(W_PCT)},
    {"per", Wd(W_PER)}, {"cent", Wd(W_CENT)}, {"point", Wd(W_POINT)}, {"points", Wd(W_POINTS)},
    {"minus", Wd(W_MINUS)}, {"negative", Wd(W_NEGATIVE)}, {"will", Wd(W_WILL)}, {"shall", Wd(W_SHALL)},
    {"ll", Wd(W_LL)}, {"beginning", Wd(W_BEGINNING)}, {"start", Wd(W_START)}, {"end", Wd(W_END)},
    {"after", Wd(W_AFTER)}, {"before", Wd(W_BEFORE)}, {"beyond", Wd(W_BEYOND)},
    {"during", Wd(W_DURING)}, {"within", Wd(W_WITHIN)}, {"for", Wd(W_FOR)}, {"out", Wd(W_OUT)},
    {"is", Wd(W_IS)}, {"was", Wd(W_WAS)}, {"are", Wd(W_ARE)}, {"were", Wd(W_WERE)}, {"be", Wd(W_BE)},
    {"has", Wd(W_HAS)}, {"have", Wd(W_HAVE)}, {"had", Wd(W_HAD)}, {"who", Wd(W_WHO)},
    {"that", Wd(W_THAT)}, {"which", Wd(W_WHICH)}, {"or", Wd(W_OR)}, {"nor", Wd(W_NOR)},
    {"but", Wd(W_BUT)}, {"it", Wd(W_IT)}, {"with", Wd(W_WITH)}, {"its", Wd(W_ITS)},
    {"their", Wd(W_THEIR)}, {"his", Wd(W_HIS)}, {"her", Wd(W_HER)}, {"several", Wd(W_SEVERAL)},
    {"times", Wd(W_TIMES)}, {"plans", Wd(W_PLANS)}, {"expected", Wd(W_EXPECTED)}, {"due", Wd(W_DUE)},
    {"scheduled", Wd(W_SCHEDULED)}, {"upcoming", Wd(W_UPCOMING)}, {"going", Wd(W_GOING)},
    {"would", Wd(W_WOULD)}, {"could", Wd(W_COULD)}, {"might", Wd(W_MIGHT)},
    {"following", Wd(W_FOLLOWING)}, {"fortnight", Wd(W_FORTNIGHT)}, {"each", Wd(W_EACH)},
    {"every", Wd(W_EVERY)}, {"any", Wd(W_ANY)}, {"no", Wd(W_NO)}, {"another", Wd(W_ANOTHER)},
    {"such", Wd(W_SUCH)}, {"same", Wd(W_SAME)}, {"few", Wd(W_FEW)}, {"rest", Wd(W_REST)},
    {"christmas", Wd(W_CHRISTMAS)}, {"xmas", Wd(W_CHRISTMAS)}, {"easter", Wd(W_EASTER)},
    {"eve", Wd(W_EVE)}, {"new", Wd(W_NEW)}, {"final", Wd(W_FINAL)},
};

const WordTable<Lexeme>& Table() {
  static const auto* table = [] {
    auto* t = new WordTable<Lexeme>();
    t->Reserve(std::size(kEntries));
    for (const Entry& e : kEntries) {
      bool added = false;
      Lexeme& lex = t->Insert(e.word, HashWord(e.word), &added);
      if (added) lex = e.lex;  // the first entry for a word wins, as with map emplace
    }
    return t;
  }();
  return *table;
}

}  // namespace

Lexeme LookUp(std::string_view lower) {
  const Lexeme* lex = Table().Find(lower);
  return lex ? *lex : Lexeme{};
}

}  // namespace corroborate::extract
