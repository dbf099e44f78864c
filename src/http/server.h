// An HTTP/1.1 server: one thread owns every connection through epoll, so an idle or slow connection
// costs a file descriptor and a few hundred bytes, never a thread; complete requests go to a small
// pool of worker threads that call the handler. Limits: headers must arrive within a deadline,
// header and body sizes are capped (431, 413), a whole request and each response write have time
// limits, connections are capped (503 above it), and so is the queue of waiting requests (503).
// A request's head is checked before its body is read (HeadCheck), and the bodies held at once
// are capped in bytes (503), so that no client can make the server hold memory it will not use.
// Tested in server_test.cc (unit) and tests/serve (a real `corroborate serve`).
//
//   auto server = Server::Create(ServerOptions{.host = "127.0.0.1", .port = 0},
//                                [](const Request& r) { return JsonResponse(200, "{}"); });
//   if (!server.ok()) fail(server.status().message());
//   std::cout << (*server)->address();   // "127.0.0.1:41873"
//   (*server)->Run();                    // until Stop() from another thread or a signal handler
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "core/status.h"
#include "http/request.h"
#include "http/response.h"

namespace corroborate::http {

struct ServerOptions {
  std::string host = "127.0.0.1";  // a numeric address or a name; "::" or "0.0.0.0" for every interface
  uint16_t port = 8080;            // 0: the system picks a free port (see port())
  RequestLimits limits;
  // From accepting a connection (or finishing the previous response on it) to the end of the headers.
  // A client sending one byte every few seconds is cut off here, whatever its pace.
  int header_timeout_ms = 5000;
  // From the same start to the last byte of the body.
  int request_timeout_ms = 30000;
  // For writing one response to a client that reads slowly.
  int write_timeout_ms = 30000;
  // Open connections above this are answered 503 and closed; also capped by RLIMIT_NOFILE.
  size_t max_connections = 20000;
  int worker_threads = 4;
  // Complete requests waiting for a worker above this are answered 503 at once.
  size_t max_queued_requests = 1024;
  // A request that waited longer than this for a worker is answered 503 rather than handled: its
  // client has likely given up, and an overloaded server should shed work, not pile it up.
  int queue_timeout_ms = 10000;
  // Streams (Response::stream) open at once; more get 503.
  size_t max_streams = 1000;
  // A stream whose client has not read this much of what was published is closed (it reconnects
  // and asks for what it missed), so a slow reader costs bounded memory.
  size_t max_stream_backlog = 1u << 20;
  // A comment line on an idle stream this often: proxies keep it open, and a vanished client is
  // found when the write fails.
  int stream_heartbeat_ms = 15000;
  // The bodies of all requests being received, waiting or handled may hold this many bytes
  // together (counted by Content-Length from the moment the head is accepted until the handler
  // returns); a request whose body does not fit gets 503 before any of it is read. Four bodies of
  // the default largest size: what the default four workers can handle at once.
  size_t max_body_bytes_in_flight = 32u << 20;
};

using Handler = std::function<Response(const Request&)>;
// Asked once a request's head has arrived, before its body is read, on the I/O thread (so it must
// be quick): a response to send instead (the connection then closes), or nullopt to read the body
// and call the Handler. `head` has the method, path, query and headers; its body holds at most the
// bytes that came in the same read as the head (a whole small request), usually nothing.
using HeadCheck = std::function<std::optional<Response>(const Request& head, size_t body_length)>;

class Server {
 public:
  static Result<std::unique_ptr<Server>> Create(const ServerOptions& options, Handler handler,
                                                HeadCheck head_check = {});
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // The bound address, e.g. "127.0.0.1:41873" or "[::1]:8080".
  std::string address() const;
  uint16_t port() const { return port_; }
  // Whether the listening address is a loopback one (127.0.0.0/8 or ::1).
  bool loopback() const { return loopback_; }

  // Serves until Stop(); then stops accepting, lets requests being handled finish (up to a few
  // seconds) and closes every connection.
  void Run();
  // Safe from any thread and from a signal handler (it only writes to an eventfd).
  void Stop();
  // Sends `bytes` to every open stream that has not had message `seq` (numbers increase; a stream
  // opened after it was published still gets it when it asked for messages after an older one and
  // it is among the last 1,024). Safe from any thread.
  void Publish(int64_t seq, std::string bytes);

 private:
  class Loop;
  Server() = default;

  std::unique_ptr<Loop> loop_;
  int stop_fd_ = -1;
  uint16_t port_ = 0;
  std::string host_;
  bool loopback_ = false;
};

}  // namespace corroborate::http
