// The few statements the store writes differently for SQLite and PostgreSQL (db.h: everything
// else is written once): the search index and its queries, reading a JSON array held as text, and
// where articles' rowids come from.
// Tested through queries_test.cc and store_test.cc on both engines.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/db.h"

namespace corroborate::store {

// The statement that adds an article to the search index (?1 rowid, ?2 title, ?3 text) and the one
// that takes it out (the same parameters, the values indexed); "" where the index follows the
// articles table by itself (PostgreSQL: a trigger keeps articles.search).
std::string_view SearchIndexAdd(Engine e);
std::string_view SearchIndexRemove(Engine e);

// The statement giving ?1 new rowids for articles (a row each), taken from the articles' identity
// sequence, so that inserting an article can be queued without waiting for its answer; "" where
// the insert gives its rowid back without a round trip (SQLite: INSERT … RETURNING rowid).
std::string_view ReserveArticleRowids(Engine e);

// The articles' column holding their search words, which an insert may give (computed ahead:
// search_words.h); "" where there is none (SQLite: the FTS5 table, SearchIndexAdd).
std::string_view ArticleSearchColumn(Engine e);

// The search for `terms` (search_query.h: each a word or a phrase, all required): the statement
// counting the matching articles, the one giving a page of them (article id, story number, title,
// snippet) best first, and the values of their parameters ?1 …
struct SearchStatements {
  std::string count, page;
  std::vector<std::string> args;
};
SearchStatements SearchSql(Engine e, const std::vector<std::string>& terms, int64_t limit, int64_t offset);

// A condition true when the JSON array of strings in column `array` holds the value of parameter
// ?`param`.
std::string JsonArrayHolds(Engine e, std::string_view array, int param);
// The length of the JSON array in column `array`.
std::string JsonArrayLength(Engine e, std::string_view array);

}  // namespace corroborate::store
