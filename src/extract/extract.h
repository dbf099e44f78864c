// The extract stage: one cleaned Article in, its quantities, dates, entities and quotes out. Knows nothing of
// stories or other articles; safe to call from several threads at once. Tested in extract_test.cc.
//
//   Mentions m = ExtractMentions(article);
//   for (const Quantity& q : m.quantities) { ... }
#pragma once

#include "clean/article.h"
#include "extract/mentions.h"

namespace corroborate {

// Relative dates are resolved against Article::published; when it is empty or unreadable they are
// left out. Linear in the text length.
Mentions ExtractMentions(const Article& article);

// Replaces the quantities and dates of `m` with those read again from `article`, leaving its
// entities and quotes: for an article whose publication date became known later (inferred from
// its story), only the dates depend on it.
void ReextractQuantitiesAndDates(const Article& article, Mentions& m);

}  // namespace corroborate
