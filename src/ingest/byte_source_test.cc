// Tests for byte_source.h and buffered_reader.h: gzip members, bombs, truncation, bounded lines.
#include "ingest/byte_source.h"

#include <gtest/gtest.h>

#include "ingest/buffered_reader.h"
#include "ingest/test_util.h"

namespace corroborate {
namespace {

using testing::GzipMember;
using testing::GzipZeros;

BufferedReader GzipReader(std::string compressed, size_t limit) {
  return BufferedReader(std::make_unique<GzipSource>(std::make_unique<MemorySource>(std::move(compressed)), limit));
}

TEST(GzipSourceTest, ReadsConcatenatedMembersAndIgnoresZeroPadding) {
  std::string gz = GzipMember("first line\n") + GzipMember("second line\n") + std::string(16, '\0');
  BufferedReader in = GzipReader(gz, 1 << 20);
  Result<std::string> all = in.ReadAll(1 << 20);
  ASSERT_TRUE(all.ok()) << all.status().message();
  EXPECT_EQ(*all, "first line\nsecond line\n");
}

TEST(GzipSourceTest, RefusesAMemberThatExpandsPastTheLimit) {
  // 70 MB of zeros compress to about 70 KB: the classic bomb. The limit is per member.
  BufferedReader in = GzipReader(GzipZeros(70u << 20), 64u << 20);
  std::string line;
  Result<LineStatus> r = in.ReadLine(line, 1 << 10);
  while (r.ok() && *r != LineStatus::kEnd) r = in.ReadLine(line, 1 << 10);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kLimitExceeded);
  EXPECT_NE(r.status().message().find("64 MB"), std::string::npos);
}

TEST(GzipSourceTest, ManySmallMembersMayTogetherExceedThePerMemberLimit) {
  std::string gz;
  for (int i = 0; i < 10; ++i) gz += GzipMember(std::string(1000, 'a'));
  BufferedReader in = GzipReader(gz, 2000);
  Result<std::string> all = in.ReadAll(1 << 20);
  ASSERT_TRUE(all.ok()) << all.status().message();
  EXPECT_EQ(all->size(), 10000u);
}

TEST(GzipSourceTest, ReportsTruncation) {
  std::string gz = GzipMember(std::string(5000, 'x') + "tail");
  gz.resize(gz.size() - 10);  // the CRC and length trailer, and a little data, are gone
  BufferedReader in = GzipReader(gz, 1 << 20);
  Result<std::string> all = in.ReadAll(1 << 20);
  ASSERT_FALSE(all.ok());
  EXPECT_EQ(all.status().code(), StatusCode::kInvalidInput);
}

TEST(GzipSourceTest, ReportsGarbageAfterAMember) {
  BufferedReader in = GzipReader(GzipMember("ok\n") + "not gzip", 1 << 20);
  Result<std::string> all = in.ReadAll(1 << 20);
  EXPECT_FALSE(all.ok());
}

TEST(BufferedReaderTest, SplitsLinesAndSkipsOverlongOnes) {
  BufferedReader in(std::make_unique<MemorySource>("short\r\n" + std::string(100, 'L') + "\nlast"));
  std::string line;
  Result<LineStatus> r = in.ReadLine(line, 10);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, LineStatus::kLine);
  EXPECT_EQ(line, "short\r");  // the reader keeps \r; callers decide
  r = in.ReadLine(line, 10);
  EXPECT_EQ(*r, LineStatus::kTooLong);
  EXPECT_TRUE(line.empty());
  r = in.ReadLine(line, 10);
  EXPECT_EQ(*r, LineStatus::kLine);
  EXPECT_EQ(line, "last");
  r = in.ReadLine(line, 10);
  EXPECT_EQ(*r, LineStatus::kEnd);
}

TEST(BufferedReaderTest, ReadAllRefusesMoreThanTheLimit) {
  BufferedReader exact(std::make_unique<MemorySource>(std::string(100, 'a')));
  EXPECT_TRUE(exact.ReadAll(100).ok());
  BufferedReader over(std::make_unique<MemorySource>(std::string(101, 'a')));
  Result<std::string> r = over.ReadAll(100);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kLimitExceeded);
}

TEST(BufferedReaderTest, ReadExactAndSkipStopAtTheEnd) {
  BufferedReader in(std::make_unique<MemorySource>("abcdef"));
  std::string out;
  ASSERT_TRUE(in.ReadExact(2, out).ok());
  EXPECT_EQ(out, "ab");
  Result<size_t> skipped = in.Skip(10);
  ASSERT_TRUE(skipped.ok());
  EXPECT_EQ(*skipped, 4u);
}

}  // namespace
}  // namespace corroborate
