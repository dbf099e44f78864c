// Feeds (`*.rss`, `*.atom`, `*.xml`): RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0, parsed with
// libxml2 in recover mode with the network and external entities off. Each item or entry becomes
// a RawDocument. Tested in feed_reader_test.cc and tests/robust.
//
//   ReadFeed(bytes, "world.rss", limits, on_document, on_problem);
#pragma once

#include <string>
#include <string_view>

#include "ingest/input_reader.h"

namespace corroborate {

// `bytes` is the whole feed in any charset (BOM, XML declaration). Per item: id = guid/id, else
// link, else PATH#N (N counts items from 1); url = link (Atom rel="alternate"); title; author
// (dc:creator, author/name, author); published (pubDate, published, dc:date, issued, else
// updated/modified); outlet = the channel/feed title; body = content:encoded, content,
// description or summary, as HTML when it holds markup. At most limits.max_feed_items items.
void ReadFeed(std::string_view bytes, const std::string& path, const ReadLimits& limits,
              const DocumentCallback& on_document, const ProblemCallback& on_problem);

}  // namespace corroborate
