// The story report of `corroborate analyze --json`, field for field as ../shared/spec/CONTRACT.md
// names it (articles, stories with events, conflicts and attribution issues), offsets in code
// points. Tested in tests/golden (examples-analyze).
#pragma once

#include "core/json_writer.h"
#include "pipeline/analyze_runner.h"

namespace corroborate {

void WriteAnalyzeJson(const AnalyzeResult& result, JsonWriter& w);

// Code points in text[0, byte): the contract's offsets.
uint32_t CodePointOffset(std::string_view text, uint32_t byte);

}  // namespace corroborate
