// Feeds (`*.rss`, `*.atom`, `*.xml`, and what `corroborate watch` fetches): RSS 0.9x/2.0, RSS 1.0
// (RDF), Atom 0.3/1.0, JSON Feed 1.0/1.1 and news sitemaps, read as a stream: one item is held at a
// time, so a feed of any size is read in flat memory. XML goes through libxml2's xmlTextReader in
// recover mode with the network and external entities off. Each item or entry becomes a
// RawDocument. Tested in feed_reader_test.cc and tests/robust.
//
//   ReadFeed(bytes, "world.rss", limits, on_document, on_problem);
//   ReadFeedStream(source, url, "utf-8", limits, {on_document, on_problem, on_sitemap});
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "ingest/byte_source.h"
#include "ingest/input_reader.h"

namespace corroborate {

// `bytes` is the whole feed in any charset (BOM, XML declaration). Per item: id = guid/id, else
// link, else PATH#N (N counts items from 1); url = link (Atom rel="alternate"); title; author
// (dc:creator, author/name, author); published (pubDate, published, dc:date, issued, else
// updated/modified); outlet = the channel/feed title; body = content:encoded, content,
// description or summary, as HTML when it holds markup. At most limits.max_feed_items items.
void ReadFeed(std::string_view bytes, const std::string& path, const ReadLimits& limits,
              const DocumentCallback& on_document, const ProblemCallback& on_problem);

struct FeedCallbacks {
  DocumentCallback document;
  ProblemCallback problem;
  // A sitemap that a sitemap index lists (its <loc>); unset, they are skipped.
  std::function<void(std::string)> sitemap;
};

// ReadFeed over bytes read in pieces from `in`, decoded as DecodeXml would with
// `transport_charset` (an HTTP Content-Type's, or ""). A JSON Feed (the text starts with "{") is
// read by json_feed.h; a news sitemap's <url> gives url, id (= loc), title, published and outlet
// (news:title, news:publication_date or lastmod, news:name) and no body. A feed that breaks off
// (malformed XML, a failing source such as a gzip bomb) keeps the items read before the break,
// and the break is one problem naming its line.
void ReadFeedStream(ByteSource& in, const std::string& path, std::string_view transport_charset,
                    const ReadLimits& limits, const FeedCallbacks& on);

}  // namespace corroborate
