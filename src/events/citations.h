// Whom each sentence of an article attributes what it states to: "according to Bloomberg", "The
// Wall Street Journal reported", "told Reuters", "people familiar with the matter said", "a
// spokesperson said", "in a regulatory filing"; and "the report added" carries the last attribution
// on to a later sentence. News organisations are named one way (news_outlets.h). Internal to the
// events stage, which copies each sentence's citation onto the role values it states. Tested in
// events_test.cc.
//
//   std::vector<Citation> c = SentenceCitations(article, mentions, words);  // one per sentence
//   if (!c[s].origin.empty()) printf("sentence %u cites %s\n", s, c[s].origin.c_str());
#pragma once

#include <vector>

#include "events/event.h"
#include "events/words.h"

namespace corroborate::events {

// One citation per sentence of the article (an empty origin where the sentence cites nobody).
std::vector<Citation> SentenceCitations(const Article& article, const Mentions& mentions, const ArticleWords& words);

}  // namespace corroborate::events
