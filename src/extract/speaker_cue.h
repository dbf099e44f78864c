// Finds the words that name who said a quotation, in the sentence around it: "…," said NAME /
// NAME said / he said / the chairman said / a spokeswoman for ORG said, after the quotation or
// before it ("NAME said in an interview, “…”", "NAME called the plan “…”", "NAME, a ROLE, said:"),
// "according to NAME", a dash line "— NAME, ROLE" after it, or a label "NAME, ROLE: “…”". A
// subject is read past titles ("Sen.", "Dr."), roles before the name ("Acme chief executive Jane
// Roe"), appositions ("NAME, a California Democrat, said"), brackets ("(D-N.Y.)") and adverbs
// ("also", "later"); an object ("told Reuters", "in an interview with") is never the speaker.
// Each look is bounded to a window of tokens. Tested in quotes_test.cc.
#pragma once

#include <cstdint>

#include "extract/quote_context.h"

namespace corroborate::extract {

enum class CueKind : uint8_t {
  kNone,
  kName,     // a name: a person, an organisation, or capitalised words the entity scan left out
  kPronoun,  // he, she, they, it
  kNominal,  // a description: "the chairman", "a spokeswoman for Acme", "officials"
};

struct SpeakerCue {
  CueKind kind = CueKind::kNone;
  uint32_t b = 0;     // the tokens naming the speaker, [b, e)
  uint32_t e = 0;
  int32_t name = -1;  // for kName: the name span (index into scan.names), or -1 for bare capitals
};

// The cue of quotation `q` (an index into cx.quotes), or kind kNone.
SpeakerCue FindSpeakerCue(const QuoteContext& cx, size_t q);

}  // namespace corroborate::extract
