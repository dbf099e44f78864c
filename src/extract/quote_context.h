// What the speaker scanners (speaker_cue.cc, speaker_resolve.cc) read of an article: its name
// tokens and name spans (entities_scan.h), its quotations (quote_marks.h), per token the
// paragraph and sentence it is in and whether it is quoted, and the word lists they test, looked
// up once per token asked about. Internal to the extract stage; tested through quotes_test.cc.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "extract/entities_scan.h"
#include "extract/gazetteer.h"
#include "extract/quote_marks.h"
#include "extract/quote_words.h"

namespace corroborate::extract {

class QuoteContext {
 public:
  QuoteContext(const EntityScan& scan, const EntityMentions& em, const std::vector<QuoteSpan>& quotes);

  const EntityScan& scan;
  const EntityMentions& em;
  const std::vector<QuoteSpan>& quotes;
  const uint32_t n;  // tokens

  const NToken& T(uint32_t i) const { return scan.tokens.items[i]; }
  std::string_view Text(uint32_t i) const { return scan.tokens.Text(i); }
  bool Word(uint32_t i) const { return i < n && T(i).kind == NKind::kWord; }
  bool Punct(uint32_t i, char32_t c) const { return scan.tokens.IsPunct(i, c); }
  bool Comma(uint32_t i) const { return Punct(i, ','); }
  bool Dash(uint32_t i) const;  // – — ― or a hyphen standing alone
  bool SentenceEnd(uint32_t i) const;  // . ! ? ;
  // The word in ASCII lower case without a final full stop ("mr" for "Mr."); empty for non-words.
  // A view into a lower-case copy of the text, valid as long as the context.
  std::string_view Low(uint32_t i) const;
  bool Is(uint32_t i, std::string_view lower) const { return Word(i) && Low(i) == lower; }
  uint16_t Flags(uint32_t i) const;        // Gazetteer WordFlag bits of a word (0 for others)
  uint8_t QFlags(uint32_t i) const;        // QuoteWordFlag bits of a word (0 for others)
  bool SpeakerNoun(uint32_t i) const;      // "spokeswoman", "officials", "chairman", "analysts"
  bool Pronoun(uint32_t i) const;          // he, she, they, it
  bool Determiner(uint32_t i) const;       // a, an, the, another, its, his, her, their, one
  bool Honorific(uint32_t i) const { return (Flags(i) & kHonorific) != 0; }

  // The name span holding token i (index into scan.names), or -1.
  int32_t NameAt(uint32_t i) const { return i < n ? scan.name_at[i] : -1; }
  const NameSpan& Name(int32_t k) const { return scan.names[static_cast<size_t>(k)]; }
  const Entity& EntityOf(int32_t k) const { return em.entities[static_cast<size_t>(Name(k).entity)]; }
  // People: PERSON entities, and names the entity scan typed as organisations that the article
  // shortens to their last word, as it does people's ("Elon Roe" … "Roe"; organisations are
  // shortened to their first word), with those one-word mentions.
  bool PersonEntity(size_t e) const { return person_[e] != 0; }
  bool PersonName(int32_t k) const { return k >= 0 && !Name(k).nominal && Name(k).entity >= 0 && person_[static_cast<size_t>(Name(k).entity)]; }
  // A name the entity scan ran together with the title before it ("Air Force for Acquisition Jane
  // Roe"): three words or more, ending in a given name and one more capitalised word.
  bool PersonTail(int32_t k) const;

  uint32_t Para(uint32_t i) const { return para_[i]; }
  uint32_t Sentence(uint32_t i) const { return sentence_[i]; }
  bool Quoted(uint32_t i) const { return quoted_[i] != 0; }
  // The quotation whose marks or words hold token i, or -1.
  int32_t QuoteAt(uint32_t i) const { return quote_at_[i]; }

 private:
  uint32_t Known(uint32_t i) const;
  std::vector<uint32_t> para_, sentence_;
  void FindPeople();
  bool WrittenInLowerCase(std::string_view lower_word) const;
  std::vector<uint8_t> person_;   // per entity
  std::vector<uint8_t> quoted_;   // inside a quotation's marks (marks included)
  std::vector<int32_t> quote_at_;
  mutable std::vector<uint32_t> cache_;  // per token: Known's bits, 0 until looked up
  std::string lower_;  // the text, ASCII lower case
};

}  // namespace corroborate::extract
