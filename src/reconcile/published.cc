// Inferred publication dates (see published.h). Tested in reconcile_test.cc.
#include "reconcile/published.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "extract/civil_date.h"

namespace corroborate {
namespace {

using extract::Civil;

constexpr int64_t kNone = INT64_MIN;

int WeekdayNumber(const std::string& w) {
  static const char* kDays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (int i = 0; i < 7; ++i) {
    if (w == kDays[i]) return i + 1;
  }
  return 0;
}

std::string Iso(int64_t days) {
  Civil c = extract::CivilFromDays(days);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.year, c.month, c.day);
  return buf;
}

}  // namespace

std::vector<std::string> InferPublished(const std::vector<StoryArticle>& articles,
                                        const std::vector<StoryEvent>& events) {
  std::vector<std::string> out(articles.size());
  int64_t story_day = kNone;  // the latest day a story article states as its own
  for (const StoryArticle& a : articles) {
    if (auto c = extract::ParseIsoDate(a.article->published)) story_day = std::max(story_day, extract::DaysFromCivil(c->year, c->month, c->day));
  }
  if (story_day == kNone) return out;
  for (size_t i = 0; i < articles.size(); ++i) {
    const StoryArticle& a = articles[i];
    if (!a.article->published.empty()) continue;
    int64_t best = kNone;
    // Weekdays of events: the day another source gives the same event, else the latest such
    // weekday on or before the story's date.
    for (const StoryEvent& se : events) {
      for (size_t k = 0; k < se.sources.size(); ++k) {
        if (se.sources[k] != a.article->id) continue;
        const RoleValue* wd = se.claims[k].Find("weekday");
        int want = wd ? WeekdayNumber(wd->text) : 0;
        if (want == 0) continue;
        int64_t day = kNone;
        for (size_t o = 0; o < se.claims.size(); ++o) {
          const RoleValue* d = se.claims[o].Find("date");
          if (o == k || d == nullptr || d->kind != RoleValue::Kind::kDate || d->date.grain != DateGrain::kDay) continue;
          int64_t x = extract::DaysFromCivil(d->date.year, d->date.month, d->date.day);
          if (extract::IsoWeekday(x) == want && x <= story_day) day = std::max(day, x);
        }
        if (day == kNone) {
          day = story_day;
          while (extract::IsoWeekday(day) != want) --day;
        }
        best = std::max(best, day);
      }
    }
    // Exact past days the article names.
    for (const DateMention& d : a.mentions->dates) {
      if (d.grain != DateGrain::kDay || d.relative) continue;
      int64_t x = extract::DaysFromCivil(d.year, d.month, d.day);
      if (x <= story_day && x > story_day - 31) best = std::max(best, x);
    }
    out[i] = Iso(best == kNone ? story_day : best);
  }
  return out;
}

}  // namespace corroborate
