// Tests for the epoll server against a fake handler on a loopback port: answers, keep-alive,
// limits, deadlines and stopping.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <optional>
#include <thread>

#include "http/listener.h"
#include "http/server.h"

namespace corroborate::http {
namespace {

class ServerTest : public ::testing::Test {
 protected:
  void Start(ServerOptions options, HeadCheck head_check = {}) {
    options.host = "127.0.0.1";
    options.port = 0;
    auto created = Server::Create(options, [](const Request& r) {
      if (r.path == "/throw") throw std::runtime_error("boom");
      if (r.path == "/slow") std::this_thread::sleep_for(std::chrono::milliseconds(300));
      return JsonResponse(200, "{\"path\":\"" + r.path + "\",\"bytes\":" + std::to_string(r.body.size()) + "}");
    }, std::move(head_check));
    ASSERT_TRUE(created.ok()) << created.status().message();
    server_ = created.take();
    thread_ = std::thread([this] { server_->Run(); });
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
  }

  int Connect() {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(server_->port());
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    timeval tv{10, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    return fd;
  }
  static void SendAll(int fd, std::string_view s) {
    while (!s.empty()) {
      ssize_t n = send(fd, s.data(), s.size(), MSG_NOSIGNAL);
      if (n <= 0) return;
      s.remove_prefix(static_cast<size_t>(n));
    }
  }
  // Everything the server sends until it closes the connection (or 10 s pass).
  static std::string ReadToClose(int fd) {
    std::string out;
    char buf[4096];
    ssize_t n;
    while ((n = recv(fd, buf, sizeof buf, 0)) > 0) out.append(buf, static_cast<size_t>(n));
    close(fd);
    return out;
  }

  std::unique_ptr<Server> server_;
  std::thread thread_;
};

TEST_F(ServerTest, AnswersAndKeepsConnectionsAlive) {
  Start(ServerOptions{});
  EXPECT_TRUE(server_->loopback());
  EXPECT_EQ(server_->address(), "127.0.0.1:" + std::to_string(server_->port()));
  int fd = Connect();
  // Two pipelined requests, then one that asks to close.
  SendAll(fd, "GET /a HTTP/1.1\r\n\r\nPOST /b HTTP/1.1\r\nContent-Length: 3\r\n\r\nxyzGET /c HTTP/1.1\r\nConnection: close\r\n\r\n");
  std::string got = ReadToClose(fd);
  size_t a = got.find("{\"path\":\"/a\",\"bytes\":0}");
  size_t b = got.find("{\"path\":\"/b\",\"bytes\":3}");
  size_t c = got.find("{\"path\":\"/c\",\"bytes\":0}");
  ASSERT_NE(a, std::string::npos) << got;
  ASSERT_NE(b, std::string::npos) << got;
  ASSERT_NE(c, std::string::npos) << got;
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
  EXPECT_NE(got.find("Connection: close"), std::string::npos);
}

TEST_F(ServerTest, HandlerExceptionBecomes500) {
  Start(ServerOptions{});
  int fd = Connect();
  SendAll(fd, "GET /throw HTTP/1.1\r\n\r\n");
  std::string got = ReadToClose(fd);
  EXPECT_EQ(got.rfind("HTTP/1.1 500", 0), 0u) << got;
  EXPECT_NE(got.find("\"status\":500"), std::string::npos);
}

TEST_F(ServerTest, OversizedBodyGets413EvenWhileClientKeepsSending) {
  ServerOptions options;
  options.limits.max_body_bytes = 1000;
  Start(options);
  int fd = Connect();
  SendAll(fd, "POST /x HTTP/1.1\r\nContent-Length: 200000\r\n\r\n");
  SendAll(fd, std::string(200000, 'a'));  // the server drops this while lingering
  std::string got = ReadToClose(fd);
  EXPECT_EQ(got.rfind("HTTP/1.1 413", 0), 0u) << got;
}

// The head check answers before the body is read: the client that announced a large body gets its
// refusal while it is still sending, and the handler never sees the request.
TEST_F(ServerTest, HeadCheckRefusesBeforeTheBodyIsRead) {
  std::atomic<int> checked{0};
  Start(ServerOptions{}, [&checked](const Request& head, size_t body_length) -> std::optional<Response> {
    ++checked;
    if (head.path == "/closed") return ErrorResponse(401, "no token, length " + std::to_string(body_length));
    return std::nullopt;
  });
  int fd = Connect();
  SendAll(fd, "POST /closed HTTP/1.1\r\nContent-Length: 4000000\r\n\r\n");
  char buf[256];
  ssize_t n = recv(fd, buf, sizeof buf, 0);  // the answer comes with no body byte sent
  ASSERT_GT(n, 0);
  std::string first(buf, static_cast<size_t>(n));
  EXPECT_EQ(first.rfind("HTTP/1.1 401", 0), 0u) << first;
  SendAll(fd, std::string(100000, 'a'));  // dropped while the server lingers
  std::string rest = first + ReadToClose(fd);
  EXPECT_NE(rest.find("no token, length 4000000"), std::string::npos) << rest;
  // An accepted head goes on to the handler, with its body.
  fd = Connect();
  SendAll(fd, "POST /open HTTP/1.1\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc");
  std::string got = ReadToClose(fd);
  EXPECT_NE(got.find("{\"path\":\"/open\",\"bytes\":3}"), std::string::npos) << got;
  EXPECT_EQ(checked, 2);
}

// Bodies in flight together are capped: with room for two 1,000-byte bodies, a third request that
// announces one while the first two are still arriving gets 503 at once; once they are done their
// room is free again.
TEST_F(ServerTest, BodiesInFlightAreCappedInBytes) {
  ServerOptions options;
  options.limits.max_body_bytes = 1000;
  options.max_body_bytes_in_flight = 2000;
  Start(options);
  const std::string head = "POST /x HTTP/1.1\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n";
  int a = Connect();
  int b = Connect();
  SendAll(a, head + std::string(10, 'a'));
  SendAll(b, head + std::string(10, 'b'));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // both heads admitted
  int c = Connect();
  SendAll(c, head);
  std::string refused = ReadToClose(c);
  EXPECT_EQ(refused.rfind("HTTP/1.1 503", 0), 0u) << refused;
  EXPECT_NE(refused.find("Retry-After: 1"), std::string::npos) << refused;
  SendAll(a, std::string(990, 'a'));
  SendAll(b, std::string(990, 'b'));
  EXPECT_NE(ReadToClose(a).find("\"bytes\":1000"), std::string::npos);
  EXPECT_NE(ReadToClose(b).find("\"bytes\":1000"), std::string::npos);
  int d = Connect();
  SendAll(d, head + std::string(1000, 'd'));
  std::string got = ReadToClose(d);
  EXPECT_NE(got.find("\"bytes\":1000"), std::string::npos) << got;
}

TEST_F(ServerTest, ExpectContinueGetsContinueThenAnswer) {
  Start(ServerOptions{});
  int fd = Connect();
  SendAll(fd, "POST /x HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\nConnection: close\r\n\r\n");
  char buf[64];
  ssize_t n = recv(fd, buf, sizeof buf, 0);
  ASSERT_GT(n, 0);
  EXPECT_EQ(std::string(buf, static_cast<size_t>(n)), "HTTP/1.1 100 Continue\r\n\r\n");
  SendAll(fd, "ok");
  std::string got = ReadToClose(fd);
  EXPECT_NE(got.find("\"bytes\":2"), std::string::npos) << got;
}

TEST_F(ServerTest, SlowHeadersAreCutOffAtTheDeadlineWithout408WhenIdle) {
  ServerOptions options;
  options.header_timeout_ms = 300;
  Start(options);
  int idle = Connect();
  int slow = Connect();
  SendAll(slow, "GET / HTTP/1.1\r\n");  // and never the end of the headers
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(ReadToClose(idle), "");
  std::string got = ReadToClose(slow);
  EXPECT_EQ(got.rfind("HTTP/1.1 408", 0), 0u) << got;
  // Closed by the deadline (300 ms plus a sweep), not by the test's 10 s receive timeout.
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST_F(ServerTest, ConnectionsAboveTheCapGet503) {
  ServerOptions options;
  options.max_connections = 2;
  Start(options);
  int a = Connect();
  int b = Connect();
  int c = Connect();
  std::string got = ReadToClose(c);
  EXPECT_EQ(got.rfind("HTTP/1.1 503", 0), 0u) << got;
  close(a);
  close(b);
}

TEST_F(ServerTest, RequestsThatWaitedTooLongForAWorkerGet503) {
  ServerOptions options;
  options.worker_threads = 1;
  options.queue_timeout_ms = 100;
  Start(options);
  int first = Connect();
  SendAll(first, "GET /slow HTTP/1.1\r\nConnection: close\r\n\r\n");
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // the one worker is now busy for 300 ms
  int second = Connect();
  SendAll(second, "GET /a HTTP/1.1\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(ReadToClose(first).rfind("HTTP/1.1 200", 0), 0u);
  std::string got = ReadToClose(second);
  EXPECT_EQ(got.rfind("HTTP/1.1 503", 0), 0u) << got;
}

TEST(Listener, TellsLoopbackFromEveryInterface) {
  Result<Listener> any = Listen("0.0.0.0", 0);
  ASSERT_TRUE(any.ok()) << any.status().message();
  EXPECT_FALSE(any->loopback);
  EXPECT_GT(any->port, 0);
  close(any->fd);
  Result<Listener> v6 = Listen("::1", 0);
  if (!v6.ok()) GTEST_SKIP() << "no IPv6 loopback here: " << v6.status().message();
  EXPECT_TRUE(v6->loopback);
  EXPECT_EQ(v6->host, "[::1]");
  close(v6->fd);
}

TEST(Server, ReportsAnAddressItCannotListenOn) {
  ServerOptions options;
  options.host = "203.0.113.1";  // a documentation address no interface here has
  options.port = 0;
  auto created = Server::Create(options, [](const Request&) { return Response{}; });
  EXPECT_FALSE(created.ok());
}

}  // namespace
}  // namespace corroborate::http
