// Builds a cleaned text piece by piece together with its OffsetMap back to the raw input.
// Used by every cleaner (HTML and plain text); tested in text_test.cc.
//
//   TextBuilder b;
//   b.AppendInline("  Hello\n  world ", 10);   // "Hello world", mapped to raw offsets from 12
//   b.EndBlock();                              // paragraph break: "\n\n" before the next block
//   b.AppendInline("Next.", 40);
//   auto [text, map] = std::move(b).Finish();  // "Hello world\n\nNext."
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "text/offset_map.h"

namespace corroborate {

class TextBuilder {
 public:
  // Appends `piece`, which starts at raw offset `raw_pos`, collapsing every whitespace run (incl.
  // newlines and Unicode spaces) to one space; no space is written at the start of a block.
  void AppendInline(std::string_view piece, size_t raw_pos);

  // Ends the current line inside a block ("\n"), e.g. for <br> or a line of plain text.
  void LineBreak();

  // Ends the current block: the next text starts after a blank line ("\n\n"). Idempotent.
  void EndBlock();

  const std::string& text() const { return text_; }
  bool empty() const { return text_.empty(); }

  struct Output {
    std::string text;
    OffsetMap map;
  };
  // Trailing whitespace is dropped.
  Output Finish() &&;

 private:
  enum class Pending { kNone, kSpace, kLine, kBlock };
  void FlushPending(size_t raw_pos);

  std::string text_;
  OffsetMap map_;
  Pending pending_ = Pending::kNone;
};

}  // namespace corroborate
