// JSON Feed (jsonfeed.org, versions 1.0 and 1.1) read as a stream: a small scanner walks the bytes,
// keeps the top-level "title" (the outlet) and cuts each element of "items" out on its own, which
// simdjson then parses; so only one item is held at a time, whatever the feed's size. Used by
// feed_reader.h (ReadFeedStream); tested in feed_reader_test.cc.
//
//   ReadJsonFeed([&](char* buf, size_t n) { return source.Read(buf, n); }, url, limits, on_doc, on_problem);
#pragma once

#include <functional>
#include <string>

#include "ingest/input_reader.h"

namespace corroborate {

// `read` fills up to n bytes and returns how many (0 at the end, negative when the input failed;
// the caller reports that failure). Per item: id (a string or number; else url; else PATH#N), url
// (else external_url), title, author (authors[0].name, else author.name), published
// (date_published, else date_modified), body = content_html (HTML), else content_text, else
// summary. An item that is not an object, or larger than limits.max_document_bytes, is a problem
// naming its position; the rest are still read.
void ReadJsonFeed(const std::function<int(char*, size_t)>& read, const std::string& path, const ReadLimits& limits,
                  const DocumentCallback& on_document, const ProblemCallback& on_problem);

}  // namespace corroborate
