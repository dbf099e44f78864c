// One article's text as the event frames see it: words with byte spans, lower-cased, with the
// punctuation between them, and the mentions (entities, quantities, dates, quotes) laid over them.
// Built once per article in one linear pass. Tested in events_test.cc.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "clean/article.h"
#include "extract/mentions.h"

namespace corroborate::events {

struct Word {
  uint32_t start = 0;  // bytes in Article::text
  uint32_t end = 0;
  std::string lower;   // ASCII letters lower-cased; other bytes kept
  bool capitalized = false;
  bool camel = false;       // a capital after the first letter ("DataCorp", "ACME")
  bool hyphen_after = false;   // joined by a hyphen to a lower-case word ("Lisbon-based"): a modifier
  bool comma_before = false;   // a comma or bracket between the previous word and this one
  bool clause_before = false;  // ; : — – or a quotation mark between them
  bool possessive = false;     // followed by 's or ’s
  bool in_quote = false;       // inside a quotation (the article's quotes or quotation marks)
  uint32_t sentence = 0;       // index into Article::sentences
  uint32_t paragraph = 0;      // index into Article::paragraphs
  int32_t entity = -1;         // index into EntityMentions::mentions covering the word
  int32_t quantity = -1;       // index into Mentions::quantities
  int32_t date = -1;           // index into Mentions::dates
};

struct ArticleWords {
  std::vector<Word> words;
  std::vector<std::string_view> lower;  // views of words[i].lower, for the lexicon
  std::vector<uint32_t> sentence_begin; // first word of each sentence; size sentences + 1
};

ArticleWords BuildWords(const Article& article, const Mentions& mentions);

}  // namespace corroborate::events
