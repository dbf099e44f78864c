// Reads a page's metadata (title, author, published, outlet, url) from meta tags, JSON-LD,
// canonical links and visible elements, in a fixed order of trust per field. Used by
// html_extractor.cc; tested in html_extractor_test.cc.
#pragma once

#include "clean/html_extractor.h"
#include "clean/html_jsonld.h"
#include "clean/html_parse.h"

namespace corroborate::html {

// Fills `ld` with what the page's JSON-LD scripts say (its articleBody is a fallback for the text)
// and returns the metadata.
HtmlMetadata ReadMetadata(const ParsedHtml& page, JsonLdArticle& ld);

// "Headline | Site" → "Headline" when the tail is the outlet's name or short enough to be one.
std::string StripSiteSuffix(std::string title, std::string_view outlet);

}  // namespace corroborate::html
