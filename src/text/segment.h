// Paragraph and sentence boundaries in a cleaned text. Tested in text_test.cc.
//
// A paragraph is a line of the cleaned text (cleaners put one block per line, blank lines between
// blocks). A sentence ends at ".", "!" or "?" (with any closing quotes or brackets) followed by
// space and an upper-case letter, digit or opening quote, unless the word before the period is a
// known abbreviation ("Dr.", "Inc.", "U.S.", "Jan.") or a single initial ("Maria L. Ortega");
// a paragraph's end always ends a sentence.
#pragma once

#include <string_view>
#include <vector>

#include "text/span.h"

namespace corroborate {

std::vector<Span> FindParagraphs(std::string_view text);
std::vector<Span> FindSentences(std::string_view text, const std::vector<Span>& paragraphs);

}  // namespace corroborate
