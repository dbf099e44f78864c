// The events stage: the business events one article states (../shared/spec/EVENTS.md), each with
// its roles, status and evidence. Knows nothing of other articles; safe to call from several
// threads. Tested in events_test.cc.
//
//   std::vector<Event> events = ExtractEvents(article, mentions);
//   for (const Event& e : events) printf("%s %s\n", EventTypeName(e.type), EventStatusName(e.status));
//
// How: a trigger lexicon (data/event_triggers.tsv) names an event in a sentence; the sentence's
// organisations fill its party roles by position ("X … invest … in Y"), its quantities go to the
// nearest trigger that takes their kind, hedges (data/event_status.tsv) nearest the trigger set
// its status, and what a sentence leaves out (the target of "the deal") comes from the article's
// earlier events. An event stated twice in one article is one event. Quoted speech is opinion,
// not the outlet's report: it states no events. Linear in the text length.
#pragma once

#include <vector>

#include "clean/article.h"
#include "events/event.h"
#include "extract/mentions.h"

namespace corroborate {

std::vector<Event> ExtractEvents(const Article& article, const Mentions& mentions);

// True when two values of the same role agree: numbers within 2% (or one an "up to"/"about"
// bound the other meets), dates when one period holds the other, names when equal.
bool ValuesAgree(const RoleValue& a, const RoleValue& b);
// True when two values of the same measure can both hold: the figures' rounding and hedges overlap
// ("about $5 billion" and "$4.9 billion", "up to $50 billion" and "$40 billion"), date periods
// overlap. Values that cannot both hold are a conflict.
bool ValuesCompatible(const RoleValue& a, const RoleValue& b);
// True when two values measure the same thing: both money (in one currency where both name it),
// both percentages, or both counts and plain numbers; dates and names always do.
bool SameMeasure(const RoleValue& a, const RoleValue& b);
// Organisation names that name the same party ("Globex Group" and "Globex").
bool SameParty(const std::string& a, const std::string& b);

// Same type, and the key roles (KeyRoles) both state agree, at least one of them shared; with
// `need_all`, a key role stated by one event must be stated by the other as well.
bool KeysAgree(const Event& a, const Event& b, bool need_all);
// Every number both events state agrees, and a running total is never one round.
bool NumbersAgree(const Event& a, const Event& b);

}  // namespace corroborate
