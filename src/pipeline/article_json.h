// JSON renderings of pipeline results for the command line, field for field as
// ../shared/spec/CONTRACT.md names them. Tested in tests/golden.
#pragma once

#include "clean/article.h"
#include "core/json_writer.h"

namespace corroborate {

// One `corroborate clean` line: id, title, author, outlet, published, text (+ url, author_role).
void WriteCleanJson(const Article& article, JsonWriter& w);

}  // namespace corroborate
