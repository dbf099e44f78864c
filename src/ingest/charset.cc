// Charset detection and ICU conversion to UTF-8 (see charset.h). Tested in charset_test.cc.
#include "ingest/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>

#include "core/utf8.h"

namespace corroborate {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

bool IsLabelChar(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == ':';
}

// Reads `charset` [spaces] = [spaces] [quote] LABEL starting at `pos` (just after "charset").
std::string LabelAfter(std::string_view s, size_t pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
  if (pos >= s.size() || s[pos] != '=') return "";
  ++pos;
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t' || s[pos] == '"' || s[pos] == '\'')) ++pos;
  size_t end = pos;
  while (end < s.size() && IsLabelChar(static_cast<unsigned char>(s[end]))) ++end;
  return Lower(s.substr(pos, end - pos));
}

constexpr std::string_view kUtf8 = "utf-8";

// Maps a label to the ICU converter name we use: "utf-8" for the UTF-8 family, "" for labels we
// refuse or ICU does not know. WHATWG's mapping wins where it differs from ICU's, because pages
// labelled "iso-8859-1" are in practice windows-1252.
std::string CanonicalCharset(std::string_view label) {
  std::string l = Lower(label);
  l.erase(0, l.find_first_not_of(" \t\"'"));
  l.erase(l.find_last_not_of(" \t\"'") + 1);
  if (l.empty()) return "";
  static constexpr std::array<std::string_view, 4> kUtf8Labels = {"utf-8", "utf8", "unicode-1-1-utf-8",
                                                                  "x-unicode20utf8"};
  if (std::find(kUtf8Labels.begin(), kUtf8Labels.end(), l) != kUtf8Labels.end()) return std::string(kUtf8);
  static constexpr std::array<std::string_view, 14> kWindows1252 = {
      "iso-8859-1", "iso8859-1", "iso_8859-1", "iso88591", "latin1", "l1", "ascii", "us-ascii",
      "cp819", "ibm819", "iso-ir-100", "windows-1252", "cp1252", "x-cp1252"};
  if (std::find(kWindows1252.begin(), kWindows1252.end(), l) != kWindows1252.end()) return "windows-1252";
  if (l == "iso-8859-9" || l == "latin5" || l == "iso8859-9") return "windows-1254";
  if (l == "tis-620" || l == "iso-8859-11") return "windows-874";
  if (l == "gb2312" || l == "gbk" || l == "x-gbk" || l == "chinese" || l == "csgb2312") return "GBK";
  if (l == "utf-16" || l == "utf-16le" || l == "unicode") return "UTF-16LE";
  if (l == "utf-16be") return "UTF-16BE";
  if (l == "ks_c_5601-1987" || l == "euc-kr" || l == "korean") return "windows-949";
  // Encodings browsers refuse (script injection through UTF-7) or that no page should use.
  if (l.starts_with("utf-7") || l.starts_with("utf-32") || l.starts_with("ucs") || l == "scsu" ||
      l == "bocu-1" || l == "cesu-8") {
    return "";
  }
  UErrorCode err = U_ZERO_ERROR;
  UConverter* c = ucnv_open(l.c_str(), &err);
  if (U_FAILURE(err) || c == nullptr) return "";
  ucnv_close(c);
  return l;
}

// Converts with ICU; `name` must come from CanonicalCharset and not be UTF-8.
std::string ConvertWithIcu(std::string_view bytes, const std::string& name) {
  // ICU counts in int32_t; documents are capped far below this by ReadLimits.
  if (bytes.size() > (1u << 28)) return utf8::Repair(bytes);
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> cnv(ucnv_open(name.c_str(), &err), &ucnv_close);
  if (U_FAILURE(err)) return utf8::Repair(bytes);
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_SUBSTITUTE, nullptr, nullptr, nullptr, &err);
  // Every input byte yields at most two UTF-16 units (one supplementary code point per byte is
  // impossible, but substitutions can emit U+FFFD per byte): size once, convert once.
  std::u16string utf16(bytes.size() * 2 + 16, u'\0');
  err = U_ZERO_ERROR;
  const int32_t n = ucnv_toUChars(cnv.get(), utf16.data(), static_cast<int32_t>(utf16.size()), bytes.data(),
                                  static_cast<int32_t>(bytes.size()), &err);
  if (U_FAILURE(err) && err != U_STRING_NOT_TERMINATED_WARNING) return utf8::Repair(bytes);
  utf16.resize(n);
  std::string out(utf16.size() * 3 + 4, '\0');
  int32_t len = 0;
  err = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &len, utf16.data(),
                     static_cast<int32_t>(utf16.size()), 0xFFFD, nullptr, &err);
  if (U_FAILURE(err) && err != U_STRING_NOT_TERMINATED_WARNING) return utf8::Repair(bytes);
  out.resize(len);
  // Single-byte converters substitute U+001A for unmapped bytes; make every loss look the same.
  std::string repaired;
  repaired.reserve(out.size());
  for (char c : out) {
    if (c == '\x1A') {
      utf8::Append(repaired, utf8::kReplacement);
    } else {
      repaired.push_back(c);
    }
  }
  return utf8::Repair(repaired);
}

}  // namespace

std::string_view SniffBom(std::string_view b, size_t& bom_length) {
  bom_length = 0;
  if (b.size() >= 3 && b.substr(0, 3) == "\xEF\xBB\xBF") {
    bom_length = 3;
    return "UTF-8";
  }
  if (b.size() >= 2 && b.substr(0, 2) == "\xFF\xFE") {
    bom_length = 2;
    return "UTF-16LE";
  }
  if (b.size() >= 2 && b.substr(0, 2) == "\xFE\xFF") {
    bom_length = 2;
    return "UTF-16BE";
  }
  return "";
}

std::string CharsetFromContentType(std::string_view content_type) {
  const std::string lower = Lower(content_type);
  const size_t at = lower.find("charset");
  if (at == std::string::npos) return "";
  return LabelAfter(lower, at + 7);
}

std::string CharsetFromHtmlMeta(std::string_view html) {
  const std::string head = Lower(html.substr(0, 4096));
  size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string::npos) {
    const size_t end = std::min(head.find('>', pos), head.size());
    const std::string_view tag = std::string_view(head).substr(pos, end - pos);
    size_t at = 0;
    while ((at = tag.find("charset", at)) != std::string_view::npos) {
      std::string label = LabelAfter(tag, at + 7);
      if (!label.empty()) return label;
      at += 7;
    }
    pos = end;
  }
  return "";
}

std::string CharsetFromXmlDeclaration(std::string_view xml) {
  if (!xml.starts_with("<?xml")) return "";
  const size_t end = xml.find("?>");
  if (end == std::string_view::npos || end > 1024) return "";
  const std::string decl = Lower(xml.substr(0, end));
  const size_t at = decl.find("encoding");
  if (at == std::string::npos) return "";
  return LabelAfter(decl, at + 8);
}

std::string ToUtf8(std::string_view bytes, std::string_view charset) {
  const std::string name = CanonicalCharset(charset);
  if (name.empty() || name == kUtf8) return utf8::Repair(bytes);
  return ConvertWithIcu(bytes, name);
}

std::string DecodeHtml(std::string_view bytes, std::string_view transport_charset) {
  size_t bom = 0;
  if (std::string_view enc = SniffBom(bytes, bom); !enc.empty()) return ToUtf8(bytes.substr(bom), enc);
  if (!CanonicalCharset(transport_charset).empty()) return ToUtf8(bytes, transport_charset);
  std::string meta = CharsetFromHtmlMeta(bytes);
  // A page cannot state a UTF-16 charset in ASCII bytes and mean it; browsers read such pages as UTF-8.
  if (meta.starts_with("utf-16")) meta = kUtf8;
  if (meta == "x-user-defined") meta = "windows-1252";
  return ToUtf8(bytes, meta);
}

std::string DecodeXml(std::string_view bytes, std::string_view transport_charset) {
  size_t bom = 0;
  if (std::string_view enc = SniffBom(bytes, bom); !enc.empty()) return ToUtf8(bytes.substr(bom), enc);
  // UTF-16 without a mark still starts "<?" with a zero byte beside each character.
  if (bytes.starts_with(std::string_view("<\0?\0", 4))) return ToUtf8(bytes, "utf-16le");
  if (bytes.starts_with(std::string_view("\0<\0?", 4))) return ToUtf8(bytes, "utf-16be");
  if (!CanonicalCharset(transport_charset).empty()) return ToUtf8(bytes, transport_charset);
  return ToUtf8(bytes, CharsetFromXmlDeclaration(bytes));
}

std::string DecodeText(std::string_view bytes) {
  size_t bom = 0;
  if (std::string_view enc = SniffBom(bytes, bom); !enc.empty()) return ToUtf8(bytes.substr(bom), enc);
  return utf8::Repair(bytes);
}

}  // namespace corroborate

namespace corroborate {

struct Utf8StreamDecoder::Icu {
  std::unique_ptr<UConverter, void (*)(UConverter*)> cnv{nullptr, &ucnv_close};
};

Utf8StreamDecoder::Utf8StreamDecoder(Utf8StreamDecoder&&) noexcept = default;
Utf8StreamDecoder& Utf8StreamDecoder::operator=(Utf8StreamDecoder&&) noexcept = default;
Utf8StreamDecoder::~Utf8StreamDecoder() = default;

Utf8StreamDecoder Utf8StreamDecoder::ForXml(std::string_view head, std::string_view transport_charset) {
  Utf8StreamDecoder d;
  std::string label;
  size_t bom = 0;
  if (std::string_view enc = SniffBom(head, bom); !enc.empty()) {
    label = std::string(enc);
    d.skip_ = bom;
  } else if (head.starts_with(std::string_view("<\0?\0", 4))) {
    label = "utf-16le";
  } else if (head.starts_with(std::string_view("\0<\0?", 4))) {
    label = "utf-16be";
  } else if (!CanonicalCharset(transport_charset).empty()) {
    label = std::string(transport_charset);
  } else {
    label = CharsetFromXmlDeclaration(head);
  }
  d.charset_ = CanonicalCharset(label);
  if (d.charset_.empty()) d.charset_ = std::string(kUtf8);
  if (d.charset_ != kUtf8) {
    UErrorCode err = U_ZERO_ERROR;
    auto icu = std::make_unique<Icu>();
    icu->cnv.reset(ucnv_open(d.charset_.c_str(), &err));
    if (U_FAILURE(err) || icu->cnv == nullptr) {
      d.charset_ = std::string(kUtf8);
    } else {
      ucnv_setToUCallBack(icu->cnv.get(), UCNV_TO_U_CALLBACK_SUBSTITUTE, nullptr, nullptr, nullptr, &err);
      d.icu_ = std::move(icu);
    }
  }
  return d;
}

std::string Utf8StreamDecoder::Decode(std::string_view piece, bool last) {
  const size_t skip = std::min(skip_, piece.size());
  piece.remove_prefix(skip);
  skip_ -= skip;
  if (!icu_) {
    std::string bytes = std::move(carry_);
    carry_.clear();
    bytes.append(piece);
    if (!last) {
      // Keep a sequence whose lead byte promises more bytes than the piece still has.
      for (size_t back = 1; back <= 3 && back <= bytes.size(); ++back) {
        const unsigned char c = static_cast<unsigned char>(bytes[bytes.size() - back]);
        if ((c & 0xC0) == 0x80) continue;  // a continuation byte: look further back
        const size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        if (need > back) {
          carry_ = bytes.substr(bytes.size() - back);
          bytes.resize(bytes.size() - back);
        }
        break;
      }
    }
    return utf8::Repair(bytes);
  }
  // ICU keeps a cut sequence in the converter between calls; `flush` ends the stream.
  std::u16string utf16(piece.size() * 2 + 16, u'\0');
  const char* src = piece.data();
  UChar* dst = utf16.data();
  UErrorCode err = U_ZERO_ERROR;
  ucnv_toUnicode(icu_->cnv.get(), &dst, utf16.data() + utf16.size(), &src, piece.data() + piece.size(), nullptr,
                 last, &err);
  if (U_FAILURE(err)) return utf8::Repair(piece);
  utf16.resize(static_cast<size_t>(dst - utf16.data()));
  std::string out(utf16.size() * 3 + 4, '\0');
  int32_t len = 0;
  err = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.data(), static_cast<int32_t>(out.size()), &len, utf16.data(),
                     static_cast<int32_t>(utf16.size()), 0xFFFD, nullptr, &err);
  if (U_FAILURE(err) && err != U_STRING_NOT_TERMINATED_WARNING) return utf8::Repair(piece);
  out.resize(static_cast<size_t>(len));
  std::string repaired;
  repaired.reserve(out.size());
  for (char c : out) {
    if (c == '\x1A') {
      utf8::Append(repaired, utf8::kReplacement);
    } else {
      repaired.push_back(c);
    }
  }
  return utf8::Repair(repaired);
}

}  // namespace corroborate
