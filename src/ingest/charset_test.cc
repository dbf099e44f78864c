// Tests for charset.h: BOMs, HTTP and <meta> charsets, WHATWG label mapping, repair of bad bytes.
#include "ingest/charset.h"

#include <gtest/gtest.h>

namespace corroborate {
namespace {

TEST(CharsetTest, Windows1252PageDeclaredInMeta) {
  // 0x93/0x94 are curly double quotes and 0xE9 is e-acute in windows-1252.
  const std::string page =
      "<html><head><meta charset=\"windows-1252\"><title>x</title></head>"
      "<body><p>\x93" "Caf\xE9\x94</p></body></html>";
  const std::string out = DecodeHtml(page, "");
  EXPECT_NE(out.find("<p>\u201CCaf\u00E9\u201D</p>"), std::string::npos) << out;
}

TEST(CharsetTest, HttpEquivContentTypeAndLatin1MeansWindows1252) {
  // Labelled ISO-8859-1, but 0x80 is the euro sign in windows-1252, which is what browsers use.
  const std::string page =
      "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><p>5\x80</p>";
  EXPECT_NE(DecodeHtml(page, "").find("5\u20AC"), std::string::npos);
}

TEST(CharsetTest, HttpCharsetWinsOverMetaAndBomWinsOverBoth) {
  const std::string page = "<meta charset=\"utf-8\"><p>\xE9</p>";
  EXPECT_NE(DecodeHtml(page, "iso-8859-1").find("<p>\u00E9</p>"), std::string::npos);
  const std::string with_bom = "\xEF\xBB\xBF<meta charset=\"windows-1252\"><p>\xC3\xA9</p>";
  EXPECT_NE(DecodeHtml(with_bom, "windows-1252").find("<p>\u00E9</p>"), std::string::npos);
}

TEST(CharsetTest, Utf16LittleEndianTextWithBom) {
  // "Hi é" in UTF-16LE after the FF FE mark.
  const std::string bytes("\xFF\xFEH\0i\0 \0\xE9\0", 10);
  EXPECT_EQ(DecodeText(bytes), "Hi \u00E9");
}

TEST(CharsetTest, Utf16BigEndianXmlWithoutBom) {
  const std::string bytes("\0<\0?\0x\0m\0l\0?\0>\0<\0a\0/\0>", 22);
  EXPECT_EQ(DecodeXml(bytes, ""), "<?xml?><a/>");
}

TEST(CharsetTest, InvalidUtf8BecomesReplacementCharacters) {
  EXPECT_EQ(DecodeText("ok \xFF\xFE end"), "ok \uFFFD\uFFFD end");
  EXPECT_EQ(ToUtf8("a\xC3", "utf-8"), "a\uFFFD");
}

TEST(CharsetTest, UnknownAndRefusedLabelsFallBackToUtf8Repair) {
  EXPECT_EQ(ToUtf8("caf\xC3\xA9", "no-such-charset"), "caf\u00E9");
  // UTF-7 would turn "+ADw-" into "<"; browsers refuse it and so do we.
  EXPECT_EQ(ToUtf8("+ADw-script", "utf-7"), "+ADw-script");
}

TEST(CharsetTest, LegacyMultiByteCharsets) {
  // "日本" in Shift_JIS is 93 FA 96 7B.
  EXPECT_EQ(ToUtf8("\x93\xFA\x96\x7B", "shift_jis"), "\u65E5\u672C");
  // gb2312 is read as GBK: "中" is D6 D0.
  EXPECT_EQ(ToUtf8("\xD6\xD0", "gb2312"), "\u4E2D");
}

TEST(CharsetTest, DeclarationsAreFound) {
  EXPECT_EQ(CharsetFromContentType("text/html; Charset=\"KOI8-R\""), "koi8-r");
  EXPECT_EQ(CharsetFromContentType("text/html"), "");
  EXPECT_EQ(CharsetFromXmlDeclaration("<?xml version='1.0' encoding='ISO-8859-2'?><rss/>"), "iso-8859-2");
  EXPECT_EQ(CharsetFromHtmlMeta("<head><META CHARSET=Big5></head>"), "big5");
  // Past the first 4 KB a declaration no longer counts.
  EXPECT_EQ(CharsetFromHtmlMeta(std::string(5000, ' ') + "<meta charset=big5>"), "");
}

TEST(CharsetTest, NulBytesAreDroppedAndMetaUtf16MeansUtf8) {
  EXPECT_EQ(DecodeText(std::string("a\0b", 3)), "ab");
  EXPECT_EQ(DecodeHtml("<meta charset=utf-16><p>\xC3\xA9", ""), "<meta charset=utf-16><p>\u00E9");
}

}  // namespace
}  // namespace corroborate
