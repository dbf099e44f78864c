// Tests for fetcher.h and spill_buffer.h against one-shot servers on 127.0.0.1 made here: a body
// that spills to a file and reads back whole, a gzip bomb stopped at the cap, a host that accepts
// and never answers, conditional headers, and URLs that are not http(s).
#include "watch/fetcher.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <string>
#include <thread>

namespace corroborate::watch {
namespace {

// A listening socket on a free loopback port; `answer` (when set) serves one connection: it reads
// the request head, hands it to the test, and writes the given bytes.
class OneShot {
 public:
  explicit OneShot(std::string answer = "", bool serve = true) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
    ::listen(fd_, 4);
    socklen_t len = sizeof a;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    if (serve) {
      thread_ = std::thread([this, answer] {
        const int c = ::accept(fd_, nullptr, nullptr);
        char buf[4096];
        while (request_.find("\r\n\r\n") == std::string::npos) {
          const ssize_t n = ::recv(c, buf, sizeof buf, 0);
          if (n <= 0) break;
          request_.append(buf, static_cast<size_t>(n));
        }
        size_t off = 0;
        while (off < answer.size()) {
          const ssize_t n = ::send(c, answer.data() + off, answer.size() - off, MSG_NOSIGNAL);
          if (n <= 0) break;
          off += static_cast<size_t>(n);
        }
        ::close(c);
      });
    }
  }
  ~OneShot() {
    if (thread_.joinable()) thread_.join();
    ::close(fd_);
  }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  std::string request() {
    if (thread_.joinable()) thread_.join();
    return request_;
  }

 private:
  int fd_ = -1;
  int port_ = 0;
  std::thread thread_;
  std::string request_;
};

std::string GzipZeros(size_t bytes) {
  z_stream z{};
  deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY);
  std::string zeros(1 << 20, '\0'), out;
  char buf[1 << 16];
  for (size_t done = 0; done < bytes; done += zeros.size()) {
    z.next_in = reinterpret_cast<Bytef*>(zeros.data());
    z.avail_in = static_cast<uInt>(zeros.size());
    const int flush = done + zeros.size() >= bytes ? Z_FINISH : Z_NO_FLUSH;
    do {
      z.next_out = reinterpret_cast<Bytef*>(buf);
      z.avail_out = sizeof buf;
      deflate(&z, flush);
      out.append(buf, sizeof buf - z.avail_out);
    } while (z.avail_out == 0);
  }
  deflateEnd(&z);
  return out;
}

TEST(SpillBufferTest, SpillsPastMemoryAndReadsBackWhole) {
  SpillBuffer b(16);
  std::string all;
  for (int i = 0; i < 100; ++i) {
    const std::string piece = "piece " + std::to_string(i) + ";";
    all += piece;
    ASSERT_TRUE(b.Append(piece).ok());
  }
  EXPECT_EQ(b.size(), all.size());
  EXPECT_FALSE(b.Small(1 << 20).ok());  // spilled: not handed out as one string
  std::unique_ptr<ByteSource> in = b.Reader();
  std::string back;
  char buf[7];
  while (true) {
    Result<size_t> n = in->Read(buf, sizeof buf);
    ASSERT_TRUE(n.ok());
    if (*n == 0) break;
    back.append(buf, *n);
  }
  EXPECT_EQ(back, all);
}

TEST(FetcherTest, BodyHeadersAndConditionalRequest) {
  OneShot server("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml; charset=utf-8\r\nETag: \"v7\"\r\n"
                 "Last-Modified: Tue, 03 Mar 2026 08:00:00 GMT\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello");
  FetchRequest req{.url = server.url("/feed.xml"), .etag = "\"v6\"", .last_modified = "Mon, 02 Mar 2026"};
  Result<FetchResponse> r = Fetch(req);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->etag, "\"v7\"");
  EXPECT_EQ(r->last_modified, "Tue, 03 Mar 2026 08:00:00 GMT");
  EXPECT_EQ(*r->body->Small(100), "hello");
  const std::string head = server.request();
  EXPECT_NE(head.find("If-None-Match: \"v6\""), std::string::npos) << head;
  EXPECT_NE(head.find("If-Modified-Since: Mon, 02 Mar 2026"), std::string::npos) << head;
}

TEST(FetcherTest, GzipBombStopsAtTheCap) {
  const std::string bomb = GzipZeros(64u << 20);  // 64 MB of zeros in about 64 KB
  OneShot server("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + std::to_string(bomb.size()) +
                 "\r\nConnection: close\r\n\r\n" + bomb);
  FetchRequest req;
  req.url = server.url("/bomb");
  req.max_bytes = 1u << 20;
  Result<FetchResponse> r = Fetch(req);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kLimitExceeded);
  EXPECT_NE(r.status().message().find("after decompression"), std::string::npos);
}

TEST(FetcherTest, AHostThatNeverAnswersTimesOut) {
  OneShot silent("", /*serve=*/false);  // the kernel accepts the connection; nobody reads or writes
  FetchRequest req;
  req.url = silent.url("/hang");
  req.timeout_ms = 300;
  Result<FetchResponse> r = Fetch(req);
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(Transient(r.status()));
  EXPECT_NE(r.status().message().find("timed out"), std::string::npos) << r.status().message();
}

TEST(FetcherTest, OnlyHttpAndHttpsUrls) {
  for (const char* url : {"file:///etc/passwd", "ftp://example.org/x"}) {
    FetchRequest req;
    req.url = url;
    EXPECT_EQ(Fetch(req).status().code(), StatusCode::kInvalidInput) << url;
  }
  UrlParts p;
  ASSERT_TRUE(SplitUrl("HTTPS://user@Example.org:8443/a/b?c=1#frag", p));
  EXPECT_EQ(p.origin(), "https://example.org:8443");
  EXPECT_EQ(p.path, "/a/b?c=1");
  ASSERT_TRUE(SplitUrl("http://example.org", p));
  EXPECT_EQ(p.path, "/");
}

}  // namespace
}  // namespace corroborate::watch
