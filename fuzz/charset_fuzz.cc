// Fuzz target: character-set detection and conversion (byte-order marks, HTTP Content-Type, HTML
// <meta>, XML declarations, ICU conversion). The first line of the input is used as a
// Content-Type value and the rest as the document. See docs/RELIABILITY.md.
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace corroborate;
  const std::string_view bytes = fuzz::Bytes(data, size);
  const size_t newline = bytes.find('\n');
  const std::string_view content_type = newline == std::string_view::npos ? std::string_view() : bytes.substr(0, newline);
  const std::string_view document = newline == std::string_view::npos ? bytes : bytes.substr(newline + 1);

  const std::string transport = CharsetFromContentType(content_type);
  for (const std::string& s : {DecodeHtml(document, transport), DecodeXml(document, transport), DecodeText(document),
                               ToUtf8(document, transport), ToUtf8(document, CharsetFromHtmlMeta(document)),
                               ToUtf8(document, CharsetFromXmlDeclaration(document))}) {
    FUZZ_CHECK(utf8::IsValid(s));
    FUZZ_CHECK(s.find('\0') == std::string::npos);
  }
  size_t bom = 0;
  (void)SniffBom(document, bom);
  FUZZ_CHECK(bom <= document.size());
  return 0;
}
