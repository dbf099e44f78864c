// Tests for jsonl_reader.h: fields, defaults, and bad lines reported by number while reading goes on.
#include "ingest/jsonl_reader.h"

#include <gtest/gtest.h>

#include "ingest/test_util.h"

namespace corroborate {
namespace {

testing::Collected Read(std::string input, ReadLimits limits = {}) {
  testing::Collected c;
  BufferedReader in(std::make_unique<MemorySource>(std::move(input)));
  ReadJsonLines(in, "in.jsonl", limits, c.OnDocument(), c.OnProblem());
  return c;
}

TEST(JsonLinesTest, ReadsEveryField) {
  auto c = Read(
      R"({"id":"a1","url":"https://example.org/a1","outlet":"The Daily Test","published":"2025-03-04",)"
      R"("title":"Bridge reopens","author":"Ann Lee","text":"The bridge reopened on Tuesday.","extra":[1,2]})"
      "\n");
  ASSERT_TRUE(c.problems.empty());
  ASSERT_EQ(c.docs.size(), 1u);
  const RawDocument& d = c.docs[0];
  EXPECT_EQ(d.id, "a1");
  EXPECT_EQ(d.url, "https://example.org/a1");
  EXPECT_EQ(d.outlet, "The Daily Test");
  EXPECT_EQ(d.published, "2025-03-04");
  EXPECT_EQ(d.title, "Bridge reopens");
  EXPECT_EQ(d.author, "Ann Lee");
  EXPECT_EQ(d.body, "The bridge reopened on Tuesday.");
  EXPECT_EQ(d.kind, ContentKind::kText);
  EXPECT_EQ(d.source, "in.jsonl");
  EXPECT_EQ(d.line, 1u);
}

TEST(JsonLinesTest, HtmlFieldAndDefaultIdFromLineNumber) {
  auto c = Read("\n  \n{\"html\":\"<p>Hello</p>\",\"id\":null}\n");
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].kind, ContentKind::kHtml);
  EXPECT_EQ(c.docs[0].body, "<p>Hello</p>");
  EXPECT_EQ(c.docs[0].id, "in.jsonl#3");  // blank lines count as lines but make no document
  EXPECT_TRUE(c.problems.empty());
}

TEST(JsonLinesTest, BadLinesAreReportedWithTheirNumbersAndReadingGoesOn) {
  auto c = Read(
      "{\"text\":\"one\"}\n"
      "{\"text\": \"unterminated}\n"
      "[\"an array\"]\n"
      "{\"title\":\"no body\"}\n"
      "{\"text\":\"two\",\"author\":42}\n"
      "{\"text\":\"three\"}\r\n");
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].body, "one");
  EXPECT_EQ(c.docs[1].body, "three");  // the \r of a CRLF line is not part of the JSON
  EXPECT_EQ(c.docs[1].line, 6u);
  ASSERT_EQ(c.problems.size(), 4u);
  EXPECT_EQ(c.problems[0].line, 2u);
  EXPECT_EQ(c.problems[1].line, 3u);
  EXPECT_EQ(c.problems[1].reason, "line is not a JSON object");
  EXPECT_EQ(c.problems[2].line, 4u);
  EXPECT_EQ(c.problems[3].line, 5u);
  EXPECT_EQ(c.problems[3].reason, "field \"author\" is not a string");
  EXPECT_EQ(c.problems[3].Format(), "corroborate: in.jsonl:5: field \"author\" is not a string");
}

TEST(JsonLinesTest, TextWinsOverHtml) {
  auto c = Read(R"({"html":"<p>page</p>","text":"plain"})");
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].body, "plain");
  EXPECT_EQ(c.docs[0].kind, ContentKind::kText);
}

TEST(JsonLinesTest, NestingDeeperThanTheLimitIsRefused) {
  const std::string deep = "{\"text\":\"x\",\"d\":" + std::string(600, '[') + std::string(600, ']') + "}\n";
  const std::string fine = "{\"text\":\"y\",\"d\":" + std::string(100, '[') + std::string(100, ']') + "}\n";
  auto c = Read(deep + fine);
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].line, 1u);
  EXPECT_NE(c.problems[0].reason.find("deeper than 512"), std::string::npos);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].body, "y");
}

TEST(JsonLinesTest, OverlongLineIsSkippedAndTheNextIsRead) {
  ReadLimits limits;
  limits.max_line_bytes = 64;
  auto c = Read("{\"text\":\"" + std::string(200, 'z') + "\"}\n{\"text\":\"short\"}\n", limits);
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].line, 1u);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].line, 2u);
}

TEST(JsonLinesTest, InvalidUtf8AndEscapedNulAndByteOrderMark) {
  auto c = Read("\xEF\xBB\xBF{\"text\":\"a\\u0000b\"}\n{\"text\":\"\xFF\"}\n");
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].body, "ab");
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].line, 2u);
}

TEST(JsonLinesTest, FinalLineWithoutNewline) {
  auto c = Read("{\"text\":\"a\"}\n{\"text\":\"b\"}");
  EXPECT_EQ(c.docs.size(), 2u);
}

}  // namespace
}  // namespace corroborate
