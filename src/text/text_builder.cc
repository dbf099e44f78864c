// Cleaned-text assembly with offset tracking (see text_builder.h). Tested in text_test.cc.
#include "text/text_builder.h"

#include "core/utf8.h"

namespace corroborate {

void TextBuilder::FlushPending(size_t raw_pos) {
  if (text_.empty()) {
    pending_ = Pending::kNone;
    return;
  }
  switch (pending_) {
    case Pending::kNone: return;
    case Pending::kSpace: text_ += ' '; break;
    case Pending::kLine: text_ += '\n'; break;
    case Pending::kBlock: text_ += "\n\n"; break;
  }
  pending_ = Pending::kNone;
  map_.AddRun(text_.size(), raw_pos);
}

void TextBuilder::AppendInline(std::string_view piece, size_t raw_pos) {
  size_t i = 0;
  while (i < piece.size()) {
    size_t len;
    const char32_t cp = utf8::Decode(piece, i, len);
    if (utf8::IsSpace(cp)) {
      if (pending_ == Pending::kNone && !text_.empty()) pending_ = Pending::kSpace;
      i += len;
      continue;
    }
    // Copy the whole run of non-space characters at once.
    size_t j = i + len;
    while (j < piece.size()) {
      size_t l2;
      if (utf8::IsSpace(utf8::Decode(piece, j, l2))) break;
      j += l2;
    }
    FlushPending(raw_pos + i);
    map_.AddRun(text_.size(), raw_pos + i);
    text_.append(piece.substr(i, j - i));
    i = j;
  }
}

void TextBuilder::LineBreak() {
  if (text_.empty()) return;
  if (pending_ != Pending::kBlock) pending_ = Pending::kLine;
}

void TextBuilder::EndBlock() {
  if (text_.empty()) return;
  pending_ = Pending::kBlock;
}

TextBuilder::Output TextBuilder::Finish() && {
  return Output{std::move(text_), std::move(map_)};
}

}  // namespace corroborate
