// Quotes and their speakers (see entities_scan.h): the quotations of quote_marks.h with at least
// three words, each given the speaker its cue names (speaker_cue.h, speaker_resolve.h). A
// quotation with no cue of its own shares the speaker of another quotation in its paragraph (the
// one before it, else the one after), and a paragraph that opens with a quotation and names no
// speaker continues the speaker of the quotation ending the paragraph before, as news writes
// one speaker's words over several paragraphs. Three-word quotations count only with a speaker
// of their own (shorter ones are scare quotes or titles). Tested in quotes_test.cc.
#include <string_view>

#include "extract/entities_scan.h"
#include "extract/entity_scanner.h"
#include "extract/quote_context.h"
#include "extract/quote_marks.h"
#include "extract/speaker_cue.h"
#include "extract/speaker_resolve.h"

namespace corroborate {

const char* SpeakerKindName(SpeakerKind k) {
  switch (k) {
    case SpeakerKind::kUnknown: return "unknown";
    case SpeakerKind::kNamed: return "named";
    case SpeakerKind::kResolved: return "resolved";
    case SpeakerKind::kNominal: return "nominal";
    case SpeakerKind::kOrganisation: return "organisation";
  }
  return "unknown";
}

namespace extract {
namespace {

constexpr uint32_t kMinQuoteWords = 4;  // a quotation on its own; with a speaker of its own…
constexpr uint32_t kMinSpokenWords = 3;  // …three words are enough (GUIDELINE: direct quotations)

struct Attributed {
  ResolvedSpeaker speaker;
  SpeakerCue cue;  // the words naming the speaker (of the quotation it was shared from)
  bool own = false;  // named by a cue of its own
};

// A short quotation in title case ("Man of the Woods", "The Art of Deals") names a work, a show or
// a slogan rather than quoting anyone: every word capitalised or a title's function word.
bool TitleCase(const NTokens& t, const QuoteSpan& q) {
  constexpr uint32_t kMaxTitleWords = 6;
  uint32_t words = 0, caps = 0;
  std::string low;
  for (uint32_t k = q.b; k < q.e; ++k) {
    const NToken& w = t.items[k];
    if (w.kind != NKind::kWord) continue;
    if (++words > kMaxTitleWords) return false;
    if (w.cap || w.upper) {
      ++caps;
      continue;
    }
    low.clear();
    AppendLower(low, t.Text(k));
    if (!IsTitleFunctionWord(low)) return false;
  }
  return caps >= 2;
}

uint32_t CountWords(const NTokens& t, const QuoteSpan& q) {
  uint32_t words = 0;
  for (uint32_t k = q.b; k < q.e; ++k) words += t.items[k].kind != NKind::kPunct;
  return words;
}

}  // namespace

void FindQuotes(const Article& article, const EntityScan& scan, EntityMentions& out) {
  (void)article;
  const NTokens& tokens = scan.tokens;
  thread_local std::vector<QuoteSpan> spans;
  FindQuoteSpans(tokens, spans);
  std::vector<QuoteSpan> quotes;
  quotes.reserve(spans.size());
  for (const QuoteSpan& q : spans)
    if (CountWords(tokens, q) >= kMinSpokenWords) quotes.push_back(q);
  if (quotes.empty()) return;
  const QuoteContext cx(scan, out, quotes);
  const SpeakerResolver resolver(cx);
  std::vector<Attributed> found(quotes.size());
  for (size_t i = 0; i < quotes.size(); ++i) {
    found[i].cue = FindSpeakerCue(cx, i);
    found[i].speaker = resolver.Resolve(found[i].cue);
    found[i].own = found[i].speaker.kind != SpeakerKind::kUnknown;
  }
  // Sharing: within a paragraph, then from the paragraph before.
  auto para_of = [&](size_t i) { return cx.Para(quotes[i].open); };
  auto end_para = [&](size_t i) { return cx.Para(quotes[i].e > quotes[i].b ? quotes[i].e - 1 : quotes[i].b); };
  for (size_t i = 0; i < quotes.size(); ++i) {
    if (found[i].own) continue;
    if (i > 0 && end_para(i - 1) == para_of(i) && found[i - 1].speaker.kind != SpeakerKind::kUnknown) {
      found[i].speaker = found[i - 1].speaker;
      found[i].cue = found[i - 1].cue;
      continue;
    }
    size_t j = i + 1;
    while (j < quotes.size() && para_of(j) == end_para(i) && !found[j].own) ++j;
    if (j < quotes.size() && para_of(j) == end_para(i) && found[j].own) {
      found[i].speaker = found[j].speaker;
      found[i].cue = found[j].cue;
      continue;
    }
    // A paragraph opening with this quotation, after one that ended with an attributed quotation.
    const uint32_t open = quotes[i].open;
    const bool opens_para = open == 0 || cx.T(open).newline_before;
    if (opens_para && i > 0 && end_para(i - 1) + 1 == para_of(i) && found[i - 1].speaker.kind != SpeakerKind::kUnknown) {
      found[i].speaker = found[i - 1].speaker;
      found[i].cue = found[i - 1].cue;
    }
  }
  for (size_t i = 0; i < quotes.size(); ++i) {
    const QuoteSpan& q = quotes[i];
    const Attributed& a = found[i];
    if ((CountWords(tokens, q) < kMinQuoteWords || TitleCase(tokens, q)) && !a.own) continue;
    uint32_t e = q.e;
    while (e > q.b + 1 && tokens.IsPunct(e - 1, ',')) --e;  // "…," said: the comma is the sentence's
    QuoteMention m;
    m.start = tokens.items[q.b].start;
    m.end = tokens.items[e - 1].end;
    const ResolvedSpeaker& s = a.speaker;
    if (s.entity >= 0) {
      const EntityType t = out.entities[static_cast<size_t>(s.entity)].type;
      if (t == EntityType::kPerson || t == EntityType::kOrg) m.speaker = s.entity;
    }
    m.speaker_name = s.name;
    m.speaker_role = s.role;
    m.speaker_org = s.org;
    m.speaker_kind = s.kind;
    if (s.kind != SpeakerKind::kUnknown && a.cue.e > a.cue.b) {
      m.mention_start = tokens.items[a.cue.b].start;
      m.mention_end = tokens.items[a.cue.e - 1].end;
    }
    out.quotes.push_back(std::move(m));
  }
}

}  // namespace extract
}  // namespace corroborate
