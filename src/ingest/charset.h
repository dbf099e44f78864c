// Character sets to UTF-8: finds what a document says its charset is (byte-order mark, HTTP
// Content-Type, HTML <meta>, XML declaration) and converts with ICU, so every RawDocument body is
// valid UTF-8. Invalid bytes become U+FFFD. Tested in charset_test.cc.
//
//   std::string page = DecodeHtml(bytes, CharsetFromContentType("text/html; charset=Shift_JIS"));
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace corroborate {

// The encoding a byte-order mark names ("UTF-8", "UTF-16LE", "UTF-16BE"), or "" without one;
// `bom_length` gets the mark's size.
std::string_view SniffBom(std::string_view bytes, size_t& bom_length);

// The charset parameter of an HTTP Content-Type value, lower-cased; "" when absent.
std::string CharsetFromContentType(std::string_view content_type);

// The charset an HTML page declares in <meta charset> or <meta http-equiv=content-type> within
// its first 4 KB, lower-cased; "" when absent.
std::string CharsetFromHtmlMeta(std::string_view html);

// The encoding of an XML declaration (<?xml ... encoding="..."?>), lower-cased; "" when absent.
std::string CharsetFromXmlDeclaration(std::string_view xml);

// Converts `bytes` in `charset` to valid UTF-8 without NUL bytes. Labels follow the WHATWG encoding
// standard where it differs from ICU ("iso-8859-1", "latin1" and "ascii" mean windows-1252); an
// empty, unknown or unsupported label means UTF-8 with invalid sequences replaced by U+FFFD.
std::string ToUtf8(std::string_view bytes, std::string_view charset);

// Whole-document decoding in precedence order. A byte-order mark wins; then the transport's
// charset (HTTP header, "" when none); then the document's own declaration; then UTF-8.
std::string DecodeHtml(std::string_view bytes, std::string_view transport_charset);
std::string DecodeXml(std::string_view bytes, std::string_view transport_charset);
std::string DecodeText(std::string_view bytes);

// DecodeXml for a document read in pieces (a feed streamed from a file or a socket), so it is never
// held whole. The charset is chosen once, from the first bytes (`head`: up to the first 1 KB, or all
// of a shorter document), in DecodeXml's precedence; a byte-order mark is skipped. Sequences cut
// between two pieces are carried over, so decoding in pieces gives exactly DecodeXml's result.
//
//   Utf8StreamDecoder d = Utf8StreamDecoder::ForXml(first_kb, "");
//   out += d.Decode(piece, /*last=*/false); ...; out += d.Decode("", /*last=*/true);
class Utf8StreamDecoder {
 public:
  static Utf8StreamDecoder ForXml(std::string_view head, std::string_view transport_charset);
  Utf8StreamDecoder(Utf8StreamDecoder&&) noexcept;
  Utf8StreamDecoder& operator=(Utf8StreamDecoder&&) noexcept;
  ~Utf8StreamDecoder();

  // The UTF-8 for `piece` (valid UTF-8, no NUL bytes); `last` flushes a sequence cut at the end.
  std::string Decode(std::string_view piece, bool last);
  // The ICU converter name, or "utf-8".
  const std::string& charset() const { return charset_; }

 private:
  Utf8StreamDecoder() = default;
  std::string charset_;
  size_t skip_ = 0;        // byte-order mark bytes still to drop
  std::string carry_;      // UTF-8: the start of a sequence cut at the end of the last piece
  struct Icu;
  std::unique_ptr<Icu> icu_;  // any other charset
};

}  // namespace corroborate
