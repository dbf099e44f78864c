// A half-open byte range [start, end) in an article's cleaned text: the unit every later stage
// points with (sentences, mentions, evidence).
#pragma once

#include <cstdint>

namespace corroborate {

struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - start; }
  friend bool operator==(const Span&, const Span&) = default;
};

}  // namespace corroborate
