// Cleaned-text assembly with offset tracking (see text_builder.h). Tested in text_test.cc.
#include "text/text_builder.h"

#include "core/ascii.h"
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

namespace {

// The bytes of the white-space code point starting at piece[i], or 0 when it is not white space.
// ASCII, nearly every byte of news, is judged without decoding.
size_t SpaceAt(std::string_view piece, size_t i) {
  const unsigned char c = static_cast<unsigned char>(piece[i]);
  if (c < 0x80) return ascii::IsSpace(c) ? 1 : 0;
  size_t len;
  return utf8::IsSpace(utf8::Decode(piece, i, len)) ? len : 0;
}

// The end of the run of non-space code points starting at piece[i].
size_t WordEnd(std::string_view piece, size_t i) {
  while (i < piece.size()) {
    const unsigned char c = static_cast<unsigned char>(piece[i]);
    if (c < 0x80) {
      if (ascii::IsSpace(c)) break;
      ++i;
      continue;
    }
    size_t len;
    if (utf8::IsSpace(utf8::Decode(piece, i, len))) break;
    i += len;
  }
  return i;
}

}  // namespace

void TextBuilder::AppendInline(std::string_view piece, size_t raw_pos) {
  size_t i = 0;
  while (i < piece.size()) {
    if (size_t space = SpaceAt(piece, i)) {
      if (pending_ == Pending::kNone && !text_.empty()) pending_ = Pending::kSpace;
      i += space;
      continue;
    }
    // Copy the whole run of non-space characters at once, and the words after it that single
    // ASCII spaces separate: the text keeps such a space as it is, so the run's offsets continue.
    size_t j = WordEnd(piece, i);
    while (j + 1 < piece.size() && piece[j] == ' ' && SpaceAt(piece, j + 1) == 0) j = WordEnd(piece, j + 1);
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
