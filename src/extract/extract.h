// The extract stage: one cleaned Article in, its quantity and date mentions out. Knows nothing of
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

}  // namespace corroborate
