// Unicode NFC normalisation of a cleaned text, with a map from the normalised text back to the
// input when anything changed. Tested in text_test.cc.
#pragma once

#include <string>

#include "text/offset_map.h"

namespace corroborate {

struct NormalizedText {
  std::string text;
  OffsetMap map;  // normalised offset → input offset; empty when the input was already NFC
};

// `text` must be valid UTF-8.
NormalizedText NormalizeNfc(std::string text);

}  // namespace corroborate
