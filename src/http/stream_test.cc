// Tests for the server's long-lived streams (Response::stream, Server::Publish): a stream gets the
// messages published after the number it asked for, including ones published while its request
// was being handled; a client that stops reading is closed once it is too far behind; a stream
// does not hold up Stop().
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "http/server.h"

namespace corroborate::http {
namespace {

class StreamTest : public ::testing::Test {
 protected:
  void Start(ServerOptions options, int handler_delay_ms = 0) {
    options.host = "127.0.0.1";
    options.port = 0;
    auto created = Server::Create(options, [this, handler_delay_ms](const Request& r) {
      Response response;
      response.content_type = "text/event-stream";
      response.stream = true;
      response.stream_after = std::stoll(r.query.empty() ? "0" : r.query);
      response.body = "start\n";
      handler_entered_ = true;
      std::this_thread::sleep_for(std::chrono::milliseconds(handler_delay_ms));
      return response;
    });
    ASSERT_TRUE(created.ok()) << created.status().message();
    server_ = created.take();
    thread_ = std::thread([this] { server_->Run(); });
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
  }
  int Open(const std::string& query, int rcvbuf = 0) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (rcvbuf > 0) setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(server_->port());
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    timeval tv{10, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    const std::string req = "GET /stream?" + query + " HTTP/1.1\r\nHost: x\r\n\r\n";
    send(fd, req.data(), req.size(), MSG_NOSIGNAL);
    return fd;
  }
  // Reads until `needle` has arrived (or the connection ends or 10 s pass).
  static std::string ReadUntil(int fd, const std::string& needle) {
    std::string out;
    char buf[4096];
    while (out.find(needle) == std::string::npos) {
      const ssize_t n = recv(fd, buf, sizeof buf, 0);
      if (n <= 0) break;
      out.append(buf, static_cast<size_t>(n));
    }
    return out;
  }

  std::unique_ptr<Server> server_;
  std::thread thread_;
  std::atomic<bool> handler_entered_{false};
};

TEST_F(StreamTest, GetsWhatIsPublishedAfterItsNumberEvenDuringItsHandler) {
  Start(ServerOptions{}, /*handler_delay_ms=*/300);
  server_->Publish(1, "m1\n");  // before the stream opens, at or below what it asks after: not sent
  int fd = Open("1");
  while (!handler_entered_) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  server_->Publish(2, "m2\n");  // while the handler runs: sent once the stream opens
  std::string got = ReadUntil(fd, "m2\n");
  server_->Publish(3, "m3\n");
  got += ReadUntil(fd, "m3\n");
  close(fd);
  EXPECT_NE(got.find("Content-Type: text/event-stream"), std::string::npos) << got;
  EXPECT_EQ(got.find("Content-Length"), std::string::npos) << got;
  EXPECT_EQ(got.find("m1\n"), std::string::npos) << got;
  const size_t start = got.find("start\n"), m2 = got.find("m2\n"), m3 = got.find("m3\n");
  ASSERT_NE(m3, std::string::npos) << got;
  EXPECT_LT(start, m2);
  EXPECT_LT(m2, m3);
}

TEST_F(StreamTest, AClientThatStopsReadingIsClosedOnceTooFarBehind) {
  ServerOptions options;
  options.max_stream_backlog = 64 * 1024;
  Start(options);
  int fd = Open("0", /*rcvbuf=*/4096);
  ReadUntil(fd, "start\n");
  // 32 MB published while the client reads nothing: more than socket buffers and the backlog.
  const std::string message(8192, 'x');
  for (int i = 1; i <= 4096; ++i) server_->Publish(i, message);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  size_t total = 0;
  char buf[65536];
  ssize_t n;
  while ((n = recv(fd, buf, sizeof buf, 0)) > 0) total += static_cast<size_t>(n);
  close(fd);
  EXPECT_EQ(n, 0) << "the server closed the stream";
  EXPECT_LT(total, size_t{32} << 20) << "it did not get everything";
}

TEST_F(StreamTest, OpenStreamsDoNotHoldUpStop) {
  Start(ServerOptions{});
  int fd = Open("0");
  ReadUntil(fd, "start\n");
  const auto begin = std::chrono::steady_clock::now();
  server_->Stop();
  thread_.join();
  EXPECT_LT(std::chrono::steady_clock::now() - begin, std::chrono::seconds(2));
  close(fd);
}

}  // namespace
}  // namespace corroborate::http
