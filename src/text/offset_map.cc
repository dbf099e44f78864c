// Offset runs from cleaned text back to raw input (see offset_map.h). Tested in text_test.cc.
#include "text/offset_map.h"

#include <algorithm>

namespace corroborate {

void OffsetMap::AddRun(size_t text_pos, size_t raw_pos) {
  if (!runs_.empty()) {
    Run& last = runs_.back();
    if (last.text_pos == text_pos) {
      last.raw_pos = raw_pos;
      return;
    }
    // A run that continues the previous one adds nothing.
    if (last.raw_pos + (text_pos - last.text_pos) == raw_pos) return;
  }
  runs_.push_back({text_pos, raw_pos});
}

size_t OffsetMap::ToRaw(size_t text_pos) const {
  if (runs_.empty()) return 0;
  auto it = std::upper_bound(runs_.begin(), runs_.end(), text_pos,
                             [](size_t pos, const Run& r) { return pos < r.text_pos; });
  if (it == runs_.begin()) return runs_.front().raw_pos;
  --it;
  return it->raw_pos + (text_pos - it->text_pos);
}

void OffsetMap::ComposeWith(const OffsetMap& inner) {
  OffsetMap composed;
  // Every boundary of either map is a boundary of the composition: walk the inner runs and, inside
  // each, the outer runs it crosses.
  const auto& in = inner.runs();
  for (size_t i = 0; i < in.size(); ++i) {
    const size_t new_start = in[i].text_pos;
    const size_t new_end = i + 1 < in.size() ? in[i + 1].text_pos : static_cast<size_t>(-1);
    const size_t mid_start = in[i].raw_pos;
    composed.AddRun(new_start, ToRaw(mid_start));
    auto it = std::upper_bound(runs_.begin(), runs_.end(), mid_start,
                               [](size_t pos, const Run& r) { return pos < r.text_pos; });
    for (; it != runs_.end(); ++it) {
      const size_t offset = it->text_pos - mid_start;
      if (new_end != static_cast<size_t>(-1) && new_start + offset >= new_end) break;
      composed.AddRun(new_start + offset, it->raw_pos);
    }
  }
  runs_ = std::move(composed.runs_);
}

}  // namespace corroborate
