// Tests for warc_reader.h and http_payload.h: responses, gzip per record, chunked and compressed
// payloads, charsets, skipped records, truncation and resynchronisation.
#include "ingest/warc_reader.h"

#include <gtest/gtest.h>

#include "ingest/http_payload.h"
#include "ingest/test_util.h"

namespace corroborate {
namespace {

std::string Record(const std::string& type, const std::string& uri, const std::string& content_type,
                   const std::string& block) {
  std::string r = "WARC/1.0\r\nWARC-Type: " + type + "\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
  r += "WARC-Date: 2025-01-01T00:00:00Z\r\nContent-Type: " + content_type + "\r\n";
  r += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
  return r;
}

std::string Response(const std::string& uri, const std::string& http) {
  return Record("response", uri, "application/http; msgtype=response", http);
}

testing::Collected Read(std::string warc, ReadLimits limits = {}) {
  testing::Collected c;
  std::unique_ptr<ByteSource> src = std::make_unique<MemorySource>(std::move(warc));
  BufferedReader in(std::move(src));
  ReadWarc(in, "crawl.warc", limits, c.OnDocument(), c.OnProblem());
  return c;
}

testing::Collected ReadGz(std::string gz) {
  testing::Collected c;
  BufferedReader in(std::make_unique<GzipSource>(std::make_unique<MemorySource>(std::move(gz)), 64u << 20));
  ReadWarc(in, "crawl.warc.gz", ReadLimits{}, c.OnDocument(), c.OnProblem());
  return c;
}

const std::string kPage = "<html><head><title>Dam</title></head><body><p>The dam held.</p></body></html>";

TEST(WarcReaderTest, HtmlResponsesBecomeDocumentsAndOtherRecordsAreSkipped) {
  const std::string warc =
      Record("warcinfo", "", "application/warc-fields", "software: test\r\n") +
      Record("request", "https://news.example/dam", "application/http; msgtype=request",
             "GET /dam HTTP/1.1\r\nHost: news.example\r\n\r\n") +
      Response("https://news.example/dam", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + kPage) +
      Response("https://news.example/logo.png", "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG") +
      Response("https://news.example/old", "HTTP/1.1 301 Moved\r\nLocation: /dam\r\nContent-Type: text/html\r\n\r\n") +
      Response("<https://news.example/bracketed>", "HTTP/1.0 200 OK\r\n\r\n<!DOCTYPE html><p>sniffed</p>");
  auto c = Read(warc);
  EXPECT_TRUE(c.problems.empty());
  ASSERT_EQ(c.docs.size(), 2u);
  const RawDocument& d = c.docs[0];
  EXPECT_EQ(d.id, "https://news.example/dam");
  EXPECT_EQ(d.url, "https://news.example/dam");
  EXPECT_EQ(d.kind, ContentKind::kHtml);
  EXPECT_EQ(d.body, kPage);
  EXPECT_EQ(d.line, 3u);               // the third record
  EXPECT_TRUE(d.published.empty());    // WARC-Date is the crawl time
  EXPECT_EQ(c.docs[1].url, "https://news.example/bracketed");
  EXPECT_EQ(c.docs[1].line, 6u);
}

TEST(WarcReaderTest, ChunkedAndGzipEncodedPayload) {
  const std::string gz = testing::GzipMember(kPage);
  // Two chunks, sizes in hex, with an extension on the first that must be ignored.
  const std::string first = gz.substr(0, 10), second = gz.substr(10);
  char size1[16], size2[16];
  std::snprintf(size1, sizeof size1, "%zx", first.size());
  std::snprintf(size2, sizeof size2, "%zX", second.size());
  const std::string chunked = std::string(size1) + ";ext=1\r\n" + first + "\r\n" + size2 + "\r\n" + second +
                              "\r\n0\r\nX-Trailer: y\r\n\r\n";
  auto c = Read(Response("https://news.example/c", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
                         "Content-Encoding: gzip\r\nContent-Type: text/html\r\n\r\n" + chunked));
  ASSERT_TRUE(c.problems.empty()) << c.problems[0].reason;
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].body, kPage);
}

TEST(WarcReaderTest, DechunkRejectsBadChunks) {
  EXPECT_EQ(*Dechunk("3\r\nabc\r\n0\r\n\r\n"), "abc");
  EXPECT_FALSE(Dechunk("zz\r\nabc\r\n0\r\n").ok());
  EXPECT_FALSE(Dechunk("10\r\nabc").ok());
  EXPECT_FALSE(Dechunk("3\r\nabc\r\n").ok());  // no last chunk
}

TEST(WarcReaderTest, BodyThatIsNotReallyChunkedIsKeptAsSent) {
  auto c = Read(Response("u", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n" + kPage));
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].body, kPage);
}

TEST(WarcReaderTest, CharsetFromHttpHeaderThenMeta) {
  auto c = Read(Response("a", "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1252\r\n\r\n<p>na\xEFve</p>") +
                Response("b", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<meta charset=iso-8859-1><p>\xE0</p>"));
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].body, "<p>na\u00EFve</p>");
  EXPECT_EQ(c.docs[1].body, "<meta charset=iso-8859-1><p>\u00E0</p>");
}

TEST(WarcReaderTest, GzipPerRecordLikeCommonCrawl) {
  const std::string gz = testing::GzipMember(Record("warcinfo", "", "application/warc-fields", "x: y\r\n")) +
                         testing::GzipMember(Response("https://a.example/", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + kPage)) +
                         testing::GzipMember(Response("https://b.example/", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>b</p>"));
  auto c = ReadGz(gz);
  EXPECT_TRUE(c.problems.empty());
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].url, "https://a.example/");
  EXPECT_EQ(c.docs[1].line, 3u);
}

TEST(WarcReaderTest, TruncatedRecordIsReportedWithItsNumber) {
  std::string warc = Response("https://a.example/", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + kPage) +
                     Response("https://b.example/", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + kPage);
  warc.resize(warc.size() - 30);
  auto c = Read(warc);
  ASSERT_EQ(c.docs.size(), 1u);
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].line, 2u);
  EXPECT_NE(c.problems[0].reason.find("truncated record"), std::string::npos);
}

TEST(WarcReaderTest, MalformedRecordIsReportedAndReadingResumesAtTheNextHeader) {
  const std::string warc = "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: many\r\n\r\njunk line\r\n" +
                           Response("https://c.example/", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + kPage);
  auto c = Read(warc);
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].line, 2u);
  ASSERT_GE(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].line, 1u);
  EXPECT_NE(c.problems[0].reason.find("Content-Length"), std::string::npos);
}

TEST(WarcReaderTest, NotAWarcFileAndOversizedRecords) {
  auto c = Read("<html>this is a page, not a crawl</html>");
  EXPECT_TRUE(c.docs.empty());
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_NE(c.problems[0].reason.find("not a WARC file"), std::string::npos);

  ReadLimits small;
  small.max_document_bytes = 10;
  // The allowance for HTTP headers is 1 MB, so a 2 MB page is over a 10-byte limit.
  auto big = Read(Response("u", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + std::string(2u << 20, 'a')) +
                      Response("v", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>ok</p>"),
                  small);
  ASSERT_EQ(big.problems.size(), 1u);
  EXPECT_EQ(big.problems[0].line, 1u);
  EXPECT_NE(big.problems[0].reason.find("larger than"), std::string::npos);
  // The next record's 9-byte page is within the limit and is read.
  ASSERT_EQ(big.docs.size(), 1u);
  EXPECT_EQ(big.docs[0].line, 2u);
}

}  // namespace
}  // namespace corroborate
