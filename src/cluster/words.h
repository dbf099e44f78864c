// Word lists and word shaping for the cluster stage's features: function words that say nothing
// about which story an article covers, calendar words (dates come from extract instead), and a
// light plural stripper so "earthquakes" and "earthquake" count as one term. Tested in
// features_test.cc.
#pragma once

#include <string>
#include <string_view>

namespace corroborate::cluster {

// `w` in lower case. Function words, reporting verbs ("said", "told") and news-page filler.
bool IsStopword(std::string_view w);

// `w` in lower case: weekday and month names, and their short forms.
bool IsCalendarWord(std::string_view w);

// `w` in lower case ASCII: strips a plural or third-person "s"/"es"/"ies", keeps short words and
// "-ss", "-us", "-is" endings. Deliberately weak: a wrong merge costs more than a missed one.
void StripPlural(std::string& w);

}  // namespace corroborate::cluster
