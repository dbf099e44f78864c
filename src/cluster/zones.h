// How much each part of an article's text says about which development it reports: the title most,
// then the lead, then the body, then what comes after a long body; page debris that survived
// cleaning (menus, category lists, gallery captions repeated down the page) nothing. Used by
// ExtractFeatures to weigh each word where it stands. Tested in zones_test.cc.
//
//   TextZones z = FindZones(text, title_end);
//   float w = z.WeightAt(offset);   // 0 inside debris
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace corroborate::cluster {

constexpr float kTitleWeight = 3.0f;  // the editor's own summary of the development
constexpr float kLeadWeight = 2.0f;   // the first sentences of the body: who, what, where, when
constexpr float kBodyWeight = 1.0f;
constexpr float kFarWeight = 0.5f;    // background and asides of a long text
constexpr uint32_t kLeadBytes = 400;  // of body text (debris not counted)
constexpr uint32_t kFarBytes = 4000;

struct TextZones {
  struct Segment {
    uint32_t start = 0, end = 0;  // bytes of the text, [start, end)
    float weight = 0;
  };
  // Sorted and disjoint; bytes in no segment (line breaks, debris lines) weigh 0.
  std::vector<Segment> segments;
  uint32_t debris_lines = 0;

  float WeightAt(uint32_t offset) const;
};

// `title_end`: the title's bytes at the start of `text` (0 when it has none there). When it is 0,
// a short first line that does not end like a sentence is taken as the headline.
TextZones FindZones(std::string_view text, uint32_t title_end);

// Whether a line of text (no line break in it) is debris: a run of capitalised words with no
// sentence in it (a menu or category list), judged on its words alone.
bool IsMenuLine(std::string_view line);

}  // namespace corroborate::cluster
