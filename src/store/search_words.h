// An article's search words computed by the database ahead of its batch, while it waits to be
// stored: PostgreSQL's tsvector of an article costs the server more than the rest of its row, and
// computed in the insert (by the articles' trigger) it is part of the write lock's serial work and
// keeps the writer waiting. Asked for when an article is prepared, on a connection of its own that
// never waits for the answers, it is computed while the writer prepares the next articles and
// taken when the article is inserted. Only PostgreSQL has it: SQLite's writer adds the words to
// its FTS5 index itself. Tested in search_words_test.cc.
//
//   std::unique_ptr<SearchWordsAhead> words = SearchWordsAhead::Open(location);  // null: none
//   uint64_t ticket = words->Request(title, text);      // any thread; 0: not asked
//   std::optional<EngineValue> w = words->Take(ticket);  // when inserting; none: the trigger computes them
//
// Whatever fails (the connection, a statement, an answer dropped), Take gives nothing and the
// insert leaves the words to the trigger, which computes the same value: only the speed differs.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "store/db.h"

namespace corroborate::store {

class SearchWordsAhead {
 public:
  // For the store at `location`: null unless it is a PostgreSQL one. Connects at the first request.
  static std::unique_ptr<SearchWordsAhead> Open(const std::string& location);
  virtual ~SearchWordsAhead() = default;

  // Sends the words of an article with this title and text to be computed; the ticket to take them
  // with, or 0 when they were not asked for. Thread-safe.
  virtual uint64_t Request(std::string_view title, std::string_view text) = 0;
  // The words asked for under `ticket`, in the engine's form, waiting for them if need be; none
  // when they could not be had (or were taken or forgotten already). Thread-safe.
  virtual std::optional<EngineValue> Take(uint64_t ticket) = 0;
  // The words under `ticket` will not be taken (the article was a duplicate, or not stored).
  virtual void Forget(uint64_t ticket) = 0;
};

}  // namespace corroborate::store
