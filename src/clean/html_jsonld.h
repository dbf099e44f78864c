// Reads the article facts a page states in JSON-LD (<script type="application/ld+json">):
// headline, author, datePublished, publisher name and articleBody of the first Article-like
// object, including ones inside "@graph" arrays. Used by html_metadata.cc and html_extractor.cc;
// tested in html_extractor_test.cc.
#pragma once

#include <string>
#include <string_view>

namespace corroborate::html {

struct JsonLdArticle {
  std::string headline;
  std::string author;     // names joined with ", "
  std::string published;  // datePublished as written
  std::string publisher;  // publisher.name
  std::string body;       // articleBody
};

// Adds what `json` states to `out`, keeping fields `out` already has. Malformed JSON adds nothing.
void ReadJsonLd(std::string_view json, JsonLdArticle& out);

}  // namespace corroborate::html
