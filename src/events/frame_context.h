// What a frame filler sees of one trigger in one sentence, and the frame fillers that read the
// sentence's syntax (syntax.h) to fill an event's roles: who does what to whom, with which figures,
// when, and how certain. A filler returns false to abstain: no event is better than a wrong one.
// Internal to the events stage (frames.cc calls them). Tested in frames_test.cc on sentences we
// wrote.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>

#include "clean/article.h"
#include "events/event.h"
#include "events/lexicon.h"
#include "events/syntax.h"
#include "extract/mentions.h"

namespace corroborate::events {

// A date told relative to the story's own time ("one year later", "three days later") counts from
// the last absolute date the article told before it, not from the day of publication: "In 1984 X
// was released. One year later he was fired" is 1985. Years keep the year's grain; days, weeks and
// months need a day to count from. False when there is none: the words then give no date.
// Any other mention is returned as it is.
bool NarrativeDate(const Article& article, const Mentions& mentions, int32_t di, DateMention* out);

struct FrameContext {
  const Article& article;
  const Mentions& mentions;
  const ArticleWords& words;
  const Syntax& syntax;
  const TriggerEntry& trigger;
  uint32_t t0 = 0, t1 = 0;     // the trigger's words [t0, t1)
  const std::string& salient;  // the organisation the article is most about
  bool verb = false;           // the trigger is read as a verb (a listed noun may be used as one)
  // Further events the clause states beside the one filled ("tripled in 2004, doubled in 2005":
  // two moves), when the caller takes them.
  std::vector<Event>* more = nullptr;

  const std::vector<Word>& W() const { return words.words; }
  uint32_t b() const { return syntax.begin(); }
  uint32_t e() const { return syntax.end(); }

  RoleValue PartyValue(const Party& p) const;
  RoleValue QuantityValue(int32_t q) const;
  // Words [w0, w1) as free text ("20 Boeing 777 planes").
  RoleValue TextValue(uint32_t w0, uint32_t w1) const;
  RoleValue DateValue(int32_t d) const;
  // The day the article was published as a date value, for what the text tells as happening that
  // day ("in early trading", "Globex expects"); a kDate of no grain when it has no such date.
  RoleValue PublishedDay() const;

  // The quantity mention a word belongs to, or -1.
  int32_t QuantityAt(uint32_t i) const { return i < W().size() ? W()[i].quantity : -1; }
  // The first quantity of `kind` that one of `preps` introduces after word `from` in its clause
  // ("for $4.6 billion", "worth US$ 7.2 bn", "of $269m"), or -1.
  // `limit` ends the search earlier than the clause (another event's words).
  int32_t QuantityAfter(uint32_t from, std::initializer_list<std::string_view> preps, QuantityKind kind,
                        uint32_t limit = UINT32_MAX) const;
  // The quantity of `kind` written just before word i as its modifier ("a $40 billion contract",
  // "the SGD1.75-billion Terminal 3", "Goldman's $5 billion hit"), or -1.
  int32_t QuantityBefore(uint32_t i, QuantityKind kind) const;
  // The date mention in the trigger's clause nearest the trigger, or -1; with `day_only`, the
  // nearest one of a day's grain.
  int32_t ClauseDate() const;
  int32_t ClauseDate(bool day_only) const;
  // The status the trigger's verb group or the verb that governs a noun trigger states:
  // "has acquired" → completed, "agreed to buy" → agreed, "plans to sue" → planned, "will buy" →
  // announced, "is in talks to" → in_talks; kUnknown when it states none (or denies the event).
  EventStatus ClauseStatus() const;
};

// Each fills `ev` (type set, evidence and trigger set) from the sentence, or returns false.
bool FillAcquisition(const FrameContext& c, Event& ev);
bool FillContract(const FrameContext& c, Event& ev);
bool FillPartnership(const FrameContext& c, Event& ev);
bool FillLegal(const FrameContext& c, Event& ev);
bool FillExecutiveChange(const FrameContext& c, Event& ev);
bool FillEarnings(const FrameContext& c, Event& ev);
bool FillStockMove(const FrameContext& c, Event& ev);
bool FillClosure(const FrameContext& c, Event& ev);
bool FillBankruptcy(const FrameContext& c, Event& ev);
bool FillFinancing(const FrameContext& c, Event& ev);

}  // namespace corroborate::events
