// What a client may search for, turned into an FTS5 query that cannot do anything else: plain
// words and "quoted phrases" only, each passed to FTS5 as a quoted string, so its operators (NEAR,
// OR, NOT, column filters, prefixes, parentheses) are never read from the client's text, and the
// size of the query is bounded. Tested in search_query_test.cc.
//
//   Result<std::string> fts = ToFtsQuery("harbour \"job cuts\" NEAR(a b)");
//   // *fts == "\"harbour\" \"job cuts\" \"NEAR(a\" \"b)\"": four terms, all of them required
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace corroborate::store {

// Why these figures: a search box holds a few words; 32 words (counting the words of phrases) and
// 1,000 bytes are far beyond what a person types and keep the cost of one query proportional to
// the postings of a handful of words.
constexpr size_t kMaxSearchWords = 32;
constexpr size_t kMaxSearchBytes = 1000;

// The FTS5 query for `text`: each term (a run of characters other than spaces and double quotes)
// and each "phrase" (the text between two double quotes) becomes one quoted FTS5 string, and the
// strings are joined by spaces, which FTS5 reads as AND. kInvalidInput, with a message meant for
// the client, when there is no word, a phrase is not closed, or the limits above are exceeded.
Result<std::string> ToFtsQuery(std::string_view text);

// The terms of `text` as ToFtsQuery reads them (a repeated term once), each a word or a phrase,
// with the same checks; what the search on PostgreSQL is given (dialect.h).
Result<std::vector<std::string>> SearchTerms(std::string_view text);
// The FTS5 query of terms SearchTerms gave.
std::string FtsQuery(const std::vector<std::string>& terms);

}  // namespace corroborate::store
