// The readable story report `corroborate analyze` prints by default: each story, its events with
// their status and sources, where the sources disagree, and whose attributions do not add up.
// Tested in tests/golden (examples-analyze-text).
#pragma once

#include <string>

#include "pipeline/analyze_runner.h"

namespace corroborate {

std::string FormatAnalyzeText(const AnalyzeResult& result);

}  // namespace corroborate
