// JSON Lines input (`*.jsonl[.gz]` and `-`): one article object per line, parsed with simdjson and
// streamed line by line so standard input and large files need only one line in memory. Tested in
// jsonl_reader_test.cc and tests/robust.
//
//   BufferedReader in(std::move(source));
//   ReadJsonLines(in, "news.jsonl", limits, on_document, on_problem);
#pragma once

#include <string>

#include "ingest/buffered_reader.h"
#include "ingest/input_reader.h"

namespace corroborate {

// Fields (all strings, null counts as absent): id (default PATH#LINE), url, outlet, published,
// title, author, and text or html (text wins when both are given: it is what the producer already
// judged to be the article). Blank lines are skipped. A line that is not a JSON object, lacks both
// text and html, has a field of the wrong type, is longer than limits.max_line_bytes or nests deeper
// than limits.max_nesting is reported with its line number, and reading goes on.
void ReadJsonLines(BufferedReader& in, const std::string& path, const ReadLimits& limits,
                   const DocumentCallback& on_document, const ProblemCallback& on_problem);

}  // namespace corroborate
