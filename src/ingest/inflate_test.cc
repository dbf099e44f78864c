// Tests for inflate.h: HTTP gzip and deflate payloads and their bombs.
#include "ingest/inflate.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include "ingest/test_util.h"

namespace corroborate {
namespace {

std::string Deflate(std::string_view data, int window_bits) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

TEST(InflateTest, GzipAndBothDeflateFlavours) {
  const std::string page = "<p>Our own words, compressed three ways.</p>";
  Result<std::string> gz = Inflate(testing::GzipMember(page), InflateFormat::kGzip, 1 << 20);
  ASSERT_TRUE(gz.ok());
  EXPECT_EQ(*gz, page);
  Result<std::string> zlib = Inflate(Deflate(page, MAX_WBITS), InflateFormat::kDeflate, 1 << 20);
  ASSERT_TRUE(zlib.ok());
  EXPECT_EQ(*zlib, page);
  Result<std::string> raw = Inflate(Deflate(page, -MAX_WBITS), InflateFormat::kDeflate, 1 << 20);
  ASSERT_TRUE(raw.ok());
  EXPECT_EQ(*raw, page);
}

TEST(InflateTest, RefusesABomb) {
  Result<std::string> r = Inflate(testing::GzipZeros(20u << 20), InflateFormat::kGzip, 16u << 20);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kLimitExceeded);
}

TEST(InflateTest, ReportsCorruptInput) {
  Result<std::string> r = Inflate("\x1F\x8B garbage that is not deflate", InflateFormat::kGzip, 1 << 20);
  EXPECT_FALSE(r.ok());
}

}  // namespace
}  // namespace corroborate
