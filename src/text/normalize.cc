// NFC through ICU's UTF-8 normaliser, whose Edits record exactly which bytes changed; we turn
// them into an OffsetMap. Tested in text_test.cc.
#include "text/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>

#include "core/utf8.h"

namespace corroborate {

NormalizedText NormalizeNfc(std::string text) {
  NormalizedText out;
  // Four news texts in five are plain ASCII, which is NFC as it stands.
  if (utf8::AsciiRunEnd(text, 0) == text.size()) {
    out.text = std::move(text);
    return out;
  }
  UErrorCode ec = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(ec);
  if (U_FAILURE(ec)) {
    out.text = std::move(text);
    return out;
  }
  const icu::StringPiece input(text.data(), static_cast<int32_t>(text.size()));
  // Nearly all news text is already NFC; the quick check avoids a copy.
  if (nfc->isNormalizedUTF8(input, ec) && U_SUCCESS(ec)) {
    out.text = std::move(text);
    return out;
  }
  ec = U_ZERO_ERROR;
  std::string normalized;
  icu::StringByteSink<std::string> sink(&normalized, static_cast<int32_t>(text.size()));
  icu::Edits edits;
  nfc->normalizeUTF8(0, input, sink, &edits, ec);
  if (U_FAILURE(ec)) {
    out.text = std::move(text);
    return out;
  }
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(ec) && U_SUCCESS(ec)) {
    out.map.AddRun(static_cast<size_t>(it.destinationIndex()), static_cast<size_t>(it.sourceIndex()));
  }
  out.text = std::move(normalized);
  return out;
}

}  // namespace corroborate
