// Tests for core: Status/Result, UTF-8 helpers and the JSON writer.
#include <gtest/gtest.h>
#include <cctype>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "core/ascii.h"
#include "core/embedded_data.h"
#include "core/json_writer.h"
#include "core/status.h"
#include "core/utf8.h"

namespace corroborate {
namespace {

TEST(Result, CarriesValueOrStatus) {
  Result<int> good = 7;
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 7);
  Result<int> bad = InvalidInput("no digits");
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidInput);
  EXPECT_EQ(bad.status().message(), "no digits");
}

TEST(Utf8, RepairReplacesEachInvalidByte) {
  // 0xC3 alone is a truncated two-byte sequence; 0xFF never occurs in UTF-8; 0xED 0xA0 0x80 is a surrogate.
  EXPECT_EQ(utf8::Repair("a\xC3" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(utf8::Repair("\xFF"), "\xEF\xBF\xBD");
  EXPECT_EQ(utf8::Repair("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(utf8::Repair("caf\xC3\xA9"), "caf\xC3\xA9");
  // Overlong encoding of '/' must not decode to '/'.
  EXPECT_FALSE(utf8::IsValid("\xC0\xAF"));
}

TEST(Ascii, ClassesEqualCctypeInTheCLocale) {
  // The program never calls setlocale, so <cctype> answers for the "C" locale: the inline classes
  // must agree with it on every byte.
  for (int c = 0; c < 256; ++c) {
    const auto u = static_cast<unsigned char>(c);
    EXPECT_EQ(ascii::IsSpace(u), std::isspace(u) != 0) << c;
    EXPECT_EQ(ascii::IsDigit(u), std::isdigit(u) != 0) << c;
    EXPECT_EQ(ascii::IsAlpha(u), std::isalpha(u) != 0) << c;
    EXPECT_EQ(ascii::ToLower(u), static_cast<char>(std::tolower(u))) << c;
  }
}

TEST(Ascii, LowerEightEqualsToLowerOnEveryByteInEveryPosition) {
  // Each byte value in each of the eight lanes, next to neighbours that could carry into it
  // (0xFF, 'Z', '@', '[') if the lanes leaked.
  for (int c = 0; c < 256; ++c) {
    for (int lane = 0; lane < 8; ++lane) {
      for (int fill : {0xFF, int{'Z'}, int{'@'}, int{'['}, 0x00}) {
        unsigned char in[8], want[8];
        for (int k = 0; k < 8; ++k) in[k] = static_cast<unsigned char>(k == lane ? c : fill);
        for (int k = 0; k < 8; ++k) want[k] = static_cast<unsigned char>(std::tolower(in[k]));
        uint64_t x;
        std::memcpy(&x, in, 8);
        x = ascii::LowerEight(x);
        EXPECT_EQ(std::memcmp(&x, want, 8), 0) << c << " in lane " << lane;
      }
    }
  }
}

TEST(Ascii, LowerIntoWritesEveryLengthWithAndWithoutSlack) {
  const std::string src = "Hello WORLD, \xC3\x89TAT-Major 0123456789 [ABCxyz] @Z";
  ASSERT_GE(src.size(), 40u + 7);  // every n below may read 7 bytes past itself
  for (size_t n = 0; n <= 40; ++n) {
    for (size_t slack : {size_t{0}, size_t{7}}) {
      std::string dst(n + 8, '#');
      ascii::LowerInto(src.data(), n, dst.data(), slack);
      EXPECT_EQ(dst.substr(0, n), ascii::Lower(src.substr(0, n))) << n << " slack " << slack;
      if (slack == 0) {
        EXPECT_EQ(dst.substr(n), std::string(8, '#')) << n;  // nothing past n
      }
    }
  }
}

TEST(Utf8, AsciiRunEndsAtTheFirstNulOrNonAsciiByte) {
  // Runs of every length around the eight-byte steps, ended by each kind of byte that ends them.
  for (size_t len = 0; len < 20; ++len) {
    const std::string run(len, 'a');
    for (const std::string& end : {std::string(1, '\0'), std::string("\xC3\xA9"), std::string("\x80"), std::string("\xFF")}) {
      EXPECT_EQ(utf8::AsciiRunEnd(run + end + "bbbbbbbbbb", 0), len) << len;
    }
    EXPECT_EQ(utf8::AsciiRunEnd(run, 0), len);  // the end of the string ends it too
    EXPECT_EQ(utf8::AsciiRunEnd("\x7F\x01" + run, 0), len + 2);  // DEL and 0x01 are ASCII
  }
  EXPECT_EQ(utf8::AsciiRunEnd("ab\xC3\xA9" "cd", 4), 6u);  // from a position
}

TEST(Utf8, CountsCodePoints) {
  const std::string s = "\xE2\x80\x9Cok\xE2\x80\x9D";  // “ok”
  EXPECT_EQ(utf8::CodePointCount(s, s.size()), 4u);
  EXPECT_EQ(utf8::CodePointCount(s, 3), 1u);
}

TEST(Utf8, CountsCodePointsAcrossWordBoundaries) {
  // The count works eight bytes at a time: mix one-, two-, three- and four-byte code points so
  // that sequences straddle every eight-byte boundary, and check each prefix that ends between
  // code points against the number of code points appended so far.
  const std::string pieces[] = {"a", "\xC3\xA9", "\xE2\x80\x9C", "\xF0\x9F\x98\x80"};
  std::string s;
  std::vector<std::pair<size_t, size_t>> ends;  // (byte offset, code points before it)
  for (size_t k = 0; k < 40; ++k) {
    s += pieces[(k * 7 + k / 3) % 4];
    ends.emplace_back(s.size(), k + 1);
  }
  for (const auto& [bytes, cps] : ends) EXPECT_EQ(utf8::CodePointCount(s, bytes), cps) << bytes;
  EXPECT_EQ(utf8::CodePointCount(s, s.size() + 5), 40u);  // past the end counts the whole string
}

TEST(JsonWriter, EscapesAndNests) {
  JsonWriter w;
  w.BeginObject();
  w.Key("s");
  w.String("a\"b\\c\n\x01");
  w.Key("list");
  w.BeginArray();
  w.Int(-3);
  w.Double(2.5);
  w.Bool(true);
  w.StringOrNull("");
  w.EndArray();
  w.EndObject();
  EXPECT_EQ(w.str(), R"({"s":"a\"b\\c\n\u0001","list":[-3,2.5,true,null]})");
}

TEST(JsonWriter, RawValuesTakeTheirPlaceAmongOthers) {
  JsonWriter w;
  w.BeginArray();
  w.Int(1);
  w.RawValue(R"({"a":[2]})");
  w.BeginObject();
  w.Key("b");
  w.RawValue("null");
  w.EndObject();
  w.EndArray();
  EXPECT_EQ(w.str(), R"([1,{"a":[2]},{"b":null}])");
}

TEST(JsonWriter, NeverEmitsInvalidUtf8) {
  JsonWriter w;
  w.String("x\xFFy");
  EXPECT_EQ(w.str(), "\"x\xEF\xBF\xBDy\"");
  EXPECT_TRUE(utf8::IsValid(w.str()));
}

TEST(JsonWriter, LargeMagnitudesKeepEveryDigit) {
  JsonWriter w;
  w.Double(50e9);
  EXPECT_EQ(w.str(), "50000000000");
}

}  // namespace
}  // namespace corroborate

namespace corroborate {
namespace {

TEST(EmbeddedData, ServesFilesOfDataFolder) {
  // data/README.md is documentation and is not embedded; the boilerplate list is.
  EXPECT_TRUE(EmbeddedData("README.md").empty());
  EXPECT_FALSE(EmbeddedData("boilerplate_lines.txt").empty());
  EXPECT_TRUE(EmbeddedData("no-such-file").empty());
}

}  // namespace
}  // namespace corroborate

namespace corroborate {
namespace {

TEST(Ascii, FoldsAndTrimsHeaderText) {
  EXPECT_EQ(ascii::Lower("Content-Type: TEXT/Html; charset=\xC3\x89"), "content-type: text/html; charset=\xC3\x89");
  EXPECT_EQ(ascii::TrimHeader(" \tWARC-Type: response \r"), "WARC-Type: response");
}

}  // namespace
}  // namespace corroborate
