// Main-text extraction from an HTML page: parses it with libxml2's HTML parser, drops page chrome
// (navigation, headers, footers, comments, share bars, related links, cookie notices, scripts,
// styles) and keeps the article's headings, paragraphs, lists, block quotes and tables, together
// with the page's metadata. Tested in html_extractor_test.cc and by eval/score_article_extraction.py.
// Offsets: each text piece maps to the byte where its text node starts in the page (exact unless
// the node starts with an entity reference); see html_parse.h. The method is in html_content.h.
//
//   Result<HtmlExtraction> r = ExtractHtml(page, HtmlLimits{});
//   if (r.ok()) use(r->text.text(), r->metadata.title);
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/status.h"
#include "text/text_builder.h"

namespace corroborate {

struct HtmlLimits {
  size_t max_bytes = 16u << 20;  // larger pages are refused with kLimitExceeded
  size_t max_depth = 512;        // deeper element nesting is refused with kLimitExceeded
  size_t max_nodes = 2'000'000;  // pages with more elements + text nodes are refused (memory bound)
};

// Metadata as the page states it (strings as found; clean normalises dates).
struct HtmlMetadata {
  std::string title;      // og:title / headline / <title> without the site suffix
  std::string author;     // meta author, JSON-LD author, rel=author, byline
  std::string published;  // article:published_time, JSON-LD datePublished, <time datetime>, dateline
  std::string outlet;     // og:site_name, JSON-LD publisher name, application-name
  std::string url;        // canonical link or og:url
};

struct HtmlExtraction {
  HtmlMetadata metadata;
  // The main text: one block per heading, paragraph, list item, quote or table row, with offsets
  // into the page's bytes.
  TextBuilder text;
};

Result<HtmlExtraction> ExtractHtml(std::string_view html, const HtmlLimits& limits);

}  // namespace corroborate
