// Maps byte offsets in a cleaned text back to byte offsets in the raw input it was made from,
// as a sorted list of runs (within a run the two advance together). Tested in text_test.cc.
//
//   OffsetMap map;
//   map.AddRun(0, 120);      // text[0..] came from raw[120..]
//   map.AddRun(40, 300);     // text[40..] came from raw[300..]
//   map.ToRaw(45) == 305
#pragma once

#include <cstddef>
#include <vector>

namespace corroborate {

class OffsetMap {
 public:
  // From text offset `text_pos` on, text maps to raw_pos + (offset - text_pos). Runs must be added
  // in increasing text_pos order; a run at the same text_pos as the last one replaces it.
  void AddRun(size_t text_pos, size_t raw_pos);

  // Raw offset for a text offset (0 when the map is empty).
  size_t ToRaw(size_t text_pos) const;

  // Rewrites this map for a text that was derived from the mapped one by `inner`, which maps the
  // new text's offsets to this text's offsets: afterwards this maps new text → raw directly.
  void ComposeWith(const OffsetMap& inner);

  bool empty() const { return runs_.empty(); }
  size_t size() const { return runs_.size(); }

  struct Run {
    size_t text_pos;
    size_t raw_pos;
  };
  const std::vector<Run>& runs() const { return runs_; }

 private:
  std::vector<Run> runs_;
};

}  // namespace corroborate
