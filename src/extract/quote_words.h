// The words speaker attribution reads (data/quote_words.tsv): reporting verbs, the verbs that may
// come before their subject, the adverbs and auxiliaries between a speaker and the verb, nouns
// for speakers without a name, and writings that speak for their issuer. Built once on first use.
// Tested in quote_words_test.cc.
//
//   const QuoteWords& w = QuoteWords::Get();
//   if (w.Has("said", kSpeechVerb)) ...   // lower-case words
#pragma once

#include <cstdint>
#include <string_view>

#include "extract/word_table.h"

namespace corroborate::extract {

enum QuoteWordFlag : uint8_t {
  kSpeechVerb = 1,     // "said", "told", "wrote", "called"
  kInverts = 2,        // "said Jane Roe": may precede its subject
  kAux = 4,            // "also", "has", "later": between a subject and its verb
  kSpeakerNoun = 8,    // "official", "person", "aide" (plurals: look up without the final s)
  kDocument = 16,      // "statement", "letter": speaks for whoever issued it
};

class QuoteWords {
 public:
  static const QuoteWords& Get();  // thread-safe, built once
  uint8_t Flags(std::string_view lower) const {
    const uint8_t* f = words_.Find(lower);
    return f ? *f : 0;
  }
  bool Has(std::string_view lower, QuoteWordFlag flag) const { return (Flags(lower) & flag) != 0; }

 private:
  QuoteWords();
  WordTable<uint8_t> words_;
};

}  // namespace corroborate::extract
