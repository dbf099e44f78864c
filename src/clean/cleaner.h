// The clean stage: turns a RawDocument (plain text or HTML) into an Article with its main text,
// metadata, offset map, paragraphs and sentences. Tested in cleaner_test.cc and tests/golden.
//
//   Result<Article> a = CleanDocument(std::move(doc), CleanOptions{});
#pragma once

#include "clean/article.h"
#include "clean/html_extractor.h"
#include "core/status.h"
#include "ingest/document.h"

namespace corroborate {

struct CleanOptions {
  HtmlLimits html;
};

// Fails only when nothing usable is left (a page that cannot be parsed or exceeds a limit);
// an article whose text is empty after cleaning is still returned.
Result<Article> CleanDocument(RawDocument doc, const CleanOptions& options);

}  // namespace corroborate
