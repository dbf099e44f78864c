// The `corroborate extract` line for one article: id, published, quantities, dates, entities, quotes,
// field for field as ../shared/spec/CONTRACT.md names them, with offsets in code points of the
// article text. Tested in mentions_json_test.cc and tests/golden.
#pragma once

#include "clean/article.h"
#include "core/json_writer.h"
#include "extract/mentions.h"

namespace corroborate {

void WriteExtractJson(const Article& article, const Mentions& mentions, JsonWriter& w);

}  // namespace corroborate
