// The epoll server (server.h). One I/O thread reads, parses and writes every connection; workers only
// run the handler. Deadlines are checked by a sweep a few times a second, which is plenty at the
// granularity of the timeouts and costs microseconds for thousands of connections.
#include "http/server.h"

#include "http/listener.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace corroborate::http {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr int kSweepIntervalMs = 100;
constexpr milliseconds kLingerTime{2000};     // reading (and dropping) what a refused client still sends
constexpr milliseconds kShutdownGrace{5000};  // for requests being handled when Stop() is called
constexpr size_t kReadChunk = 64 * 1024;
constexpr size_t kReservedDescriptors = 64;   // for the store, logs and the like

enum class Phase { kReading, kHandling, kWriting, kLingering, kStreaming };

constexpr size_t kPublishedKept = 1024;  // messages a stream opened late can still catch up on

struct Connection {
  Connection(int fd, uint64_t id, const RequestLimits& limits) : fd(fd), id(id), parser(limits) {}
  int fd;
  uint64_t id;  // fds are reused; ids tell a finished request's connection from a newer one on the same fd
  RequestParser parser;
  Phase phase = Phase::kReading;
  Clock::time_point wait_start;  // when the server began waiting for the current request
  Clock::time_point phase_start;
  std::string out;
  size_t out_offset = 0;
  bool close_after_write = false;
  bool sent_continue = false;
  int64_t stream_seq = 0;                 // streams: the last message number it was given
  Clock::time_point last_progress;        // streams: the last write that moved bytes (or the start)
  bool head_checked = false;   // the current request's head passed the HeadCheck and the body budget
  size_t body_reserved = 0;    // bytes of the body budget this connection's request holds
};

struct Job {
  int fd;
  uint64_t id;
  Request request;
  Clock::time_point queued;
  size_t body_reserved;  // returned to the body budget when the handler is done with the body
};

struct Done {
  int fd;
  uint64_t id;
  Response response;
  bool keep_alive;
  size_t body_reserved;
};

// epoll's tag for a descriptor: the fd, and for a connection the low bits of its id, so that an event
// still queued for a closed connection is not taken for a new one that got the same fd.
uint64_t EventTag(int fd, uint64_t id) { return (id << 32) | static_cast<uint32_t>(fd); }

void CloseFd(int fd) {
  if (fd >= 0) ::close(fd);
}

}  // namespace

class Server::Loop {
 public:
  Loop(const ServerOptions& options, Handler handler, HeadCheck head_check, int listen_fd, int stop_fd)
      : options_(options), handler_(std::move(handler)), head_check_(std::move(head_check)),
        listen_fd_(listen_fd), stop_fd_(stop_fd) {
    rlimit limit{};
    size_t cap = options.max_connections;
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
      size_t usable = limit.rlim_cur > kReservedDescriptors ? limit.rlim_cur - kReservedDescriptors : 1;
      if (usable < cap) cap = usable;
    }
    max_connections_ = cap;
    // One body of the largest size must always fit, or such requests could never be served.
    options_.max_body_bytes_in_flight = std::max(options_.max_body_bytes_in_flight, options_.limits.max_body_bytes);
  }

  ~Loop() {
    for (auto& [fd, conn] : connections_) CloseFd(fd);
    CloseFd(listen_fd_);
    CloseFd(done_fd_);
    CloseFd(epoll_fd_);
  }

  Status Init() {
    epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
    done_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (epoll_fd_ < 0 || done_fd_ < 0) return IoError(std::string("epoll/eventfd: ") + std::strerror(errno));
    for (int fd : {listen_fd_, stop_fd_, done_fd_}) {
      epoll_event ev{};
      ev.events = EPOLLIN;
      ev.data.u64 = EventTag(fd, 0);
      if (epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev) != 0) return IoError(std::string("epoll_ctl: ") + std::strerror(errno));
    }
    return Status::Ok();
  }

  void Run() {
    std::vector<std::thread> workers;
    for (int i = 0; i < std::max(1, options_.worker_threads); ++i) workers.emplace_back([this] { WorkerMain(); });

    std::vector<epoll_event> events(1024);
    Clock::time_point stop_deadline{};
    while (true) {
      int n = epoll_wait(epoll_fd_, events.data(), static_cast<int>(events.size()), kSweepIntervalMs);
      if (n < 0 && errno != EINTR) break;
      for (int i = 0; i < n; ++i) {
        int fd = static_cast<int>(events[i].data.u64 & 0xffffffffu);
        if (fd == listen_fd_) {
          AcceptAll();
        } else if (fd == done_fd_) {
          DrainDone();
        } else if (fd == stop_fd_) {
          if (!stopping_) {
            stopping_ = true;
            stop_deadline = Clock::now() + kShutdownGrace;
            epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, listen_fd_, nullptr);
            epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, stop_fd_, nullptr);
          }
        } else {
          OnConnectionEvent(fd, events[i].data.u64 >> 32, events[i].events);
        }
      }
      Sweep();
      if (stopping_ && (busy_ == 0 || Clock::now() > stop_deadline)) break;
    }

    {
      std::lock_guard<std::mutex> lock(jobs_mutex_);
      workers_quit_ = true;
      jobs_.clear();
    }
    jobs_cv_.notify_all();
    for (std::thread& t : workers) t.join();
  }

 private:
  // --- workers ---------------------------------------------------------------------------------
  void WorkerMain() {
    while (true) {
      Job job;
      {
        std::unique_lock<std::mutex> lock(jobs_mutex_);
        jobs_cv_.wait(lock, [this] { return workers_quit_ || !jobs_.empty(); });
        if (workers_quit_) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      Response response;
      try {
        if (Clock::now() - job.queued > milliseconds(options_.queue_timeout_ms)) {
          response = ErrorResponse(503, "the server is overloaded; try again later");
        } else {
          response = handler_(job.request);
        }
      } catch (const std::exception& e) {
        response = ErrorResponse(500, std::string("internal error: ") + e.what());
      } catch (...) {
        response = ErrorResponse(500, "internal error");
      }
      bool keep_alive = job.request.KeepAlive() && response.status < 500;
      job.request = Request{};  // the body's memory goes before its budget is given back
      Done done{job.fd, job.id, std::move(response), keep_alive, job.body_reserved};
      {
        std::lock_guard<std::mutex> lock(done_mutex_);
        done_.push_back(std::move(done));
      }
      uint64_t one = 1;
      [[maybe_unused]] ssize_t w = ::write(done_fd_, &one, sizeof one);
    }
  }

  // --- accepting -------------------------------------------------------------------------------
  void AcceptAll() {
    while (true) {
      int fd = accept4(listen_fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) {
        if (errno == EINTR || errno == ECONNABORTED) continue;
        if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
          // Out of descriptors: stop listening until the sweep, or the loop would spin on a ready socket.
          PauseAccepting();
        }
        return;
      }
      if (connections_.size() >= max_connections_) {
        std::string wire = Serialize(ErrorResponse(503, "too many connections"), false, false);
        [[maybe_unused]] ssize_t w = ::send(fd, wire.data(), wire.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        CloseFd(fd);
        continue;
      }
      int one = 1;
      setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      auto [it, inserted] = connections_.try_emplace(fd, fd, next_id_++, options_.limits);
      Connection& conn = it->second;
      conn.wait_start = conn.phase_start = Clock::now();
      epoll_event ev{};
      ev.events = EPOLLIN | EPOLLRDHUP;
      ev.data.u64 = EventTag(fd, conn.id);
      if (epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev) != 0) {
        connections_.erase(it);
        CloseFd(fd);
      }
    }
  }

  void PauseAccepting() {
    if (accept_paused_) return;
    accept_paused_ = true;
    epoll_event ev{};
    ev.data.u64 = EventTag(listen_fd_, 0);
    epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, listen_fd_, &ev);
  }

  void ResumeAccepting() {
    if (!accept_paused_ || stopping_) return;
    accept_paused_ = false;
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u64 = EventTag(listen_fd_, 0);
    epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, listen_fd_, &ev);
  }

  // --- connections -----------------------------------------------------------------------------
  void Watch(Connection& conn, uint32_t events) {
    epoll_event ev{};
    ev.events = events;
    ev.data.u64 = EventTag(conn.fd, conn.id);
    epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, conn.fd, &ev);
  }

  void Close(Connection& conn) {
    if (conn.phase == Phase::kHandling || conn.phase == Phase::kWriting) --busy_;
    if (conn.phase == Phase::kStreaming) streams_.erase(conn.fd);
    ReleaseBody(conn);
    int fd = conn.fd;
    epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
    connections_.erase(fd);
    CloseFd(fd);
    ResumeAccepting();
  }

  void OnConnectionEvent(int fd, uint64_t id_bits, uint32_t events) {
    auto it = connections_.find(fd);
    if (it == connections_.end() || (it->second.id & 0xffffffffu) != id_bits) return;
    Connection& conn = it->second;
    if (events & EPOLLERR) return Close(conn);
    if (conn.phase == Phase::kWriting && (events & EPOLLOUT)) return WritePending(conn);
    if (conn.phase == Phase::kLingering) return Discard(conn);
    if (conn.phase == Phase::kStreaming) return OnStreamEvent(conn, events);
    if (conn.phase == Phase::kReading && (events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP))) return ReadRequest(conn);
    if (conn.phase == Phase::kHandling && (events & EPOLLHUP)) {
      // The client left while its request is being handled; the answer will find no connection.
      return Close(conn);
    }
  }

  void ReadRequest(Connection& conn) {
    char buf[kReadChunk];
    while (true) {
      ssize_t got = ::recv(conn.fd, buf, sizeof buf, 0);
      if (got > 0) {
        conn.parser.Feed(std::string_view(buf, static_cast<size_t>(got)));
        const ParseState state = conn.parser.state();
        if (state == ParseState::kComplete || state == ParseState::kError) break;
        // The head has arrived: it is checked before any more of the body is read.
        if (state == ParseState::kBody && !conn.head_checked) break;
        continue;
      }
      if (got < 0 && errno == EINTR) continue;
      if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
      return Close(conn);  // end of stream before a whole request, or a reset
    }
    AfterInput(conn);
  }

  // Acts on what the parser made of the bytes so far.
  void AfterInput(Connection& conn) {
    const ParseState state = conn.parser.state();
    if ((state == ParseState::kBody || state == ParseState::kComplete) && !conn.head_checked && !AdmitBody(conn)) return;
    switch (state) {
      case ParseState::kHeaders:
        return;
      case ParseState::kBody:
        if (conn.parser.expects_continue() && !conn.sent_continue) {
          conn.sent_continue = true;
          static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
          if (::send(conn.fd, kContinue.data(), kContinue.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(kContinue.size())) {
            return Close(conn);
          }
        }
        return;
      case ParseState::kError:
        return Respond(conn, Serialize(ErrorResponse(conn.parser.error_status(), conn.parser.error_message()), false, false), false);
      case ParseState::kComplete:
        return Dispatch(conn);
    }
  }

  // The head check and the body budget, once per request, before its body is read: true when the
  // body may be read; otherwise the refusal is on its way and the connection will close.
  bool AdmitBody(Connection& conn) {
    conn.head_checked = true;
    const size_t length = conn.parser.body_length();
    if (head_check_) {
      if (std::optional<Response> refused = head_check_(conn.parser.request(), length)) {
        Respond(conn, Serialize(*refused, false, false), false);
        return false;
      }
    }
    if (length == 0) return true;
    if (length > options_.max_body_bytes_in_flight - std::min(bodies_in_flight_, options_.max_body_bytes_in_flight)) {
      Response busy = ErrorResponse(503, "too many request bodies arriving at once; try again in a moment");
      busy.headers.emplace_back("Retry-After", "1");
      Respond(conn, Serialize(busy, false, false), false);
      return false;
    }
    bodies_in_flight_ += length;
    conn.body_reserved = length;
    return true;
  }

  void ReleaseBody(Connection& conn) {
    bodies_in_flight_ -= conn.body_reserved;
    conn.body_reserved = 0;
  }

  void Dispatch(Connection& conn) {
    Watch(conn, 0);
    conn.phase = Phase::kHandling;
    conn.phase_start = Clock::now();
    ++busy_;
    bool queued = false;
    {
      std::lock_guard<std::mutex> lock(jobs_mutex_);
      if (jobs_.size() < options_.max_queued_requests && !stopping_) {
        jobs_.push_back(Job{conn.fd, conn.id, std::move(conn.parser.request()), Clock::now(), conn.body_reserved});
        conn.body_reserved = 0;  // the job holds the body now; DrainDone gives it back
        queued = true;
      }
    }
    if (queued) {
      jobs_cv_.notify_one();
      return;
    }
    Respond(conn, Serialize(ErrorResponse(503, stopping_ ? "the server is stopping" : "too many requests waiting"), false, false), false);
  }

  void DrainDone() {
    uint64_t count;
    [[maybe_unused]] ssize_t r = ::read(done_fd_, &count, sizeof count);
    std::deque<Done> done;
    std::deque<std::pair<int64_t, std::string>> published;
    {
      std::lock_guard<std::mutex> lock(done_mutex_);
      done.swap(done_);
      published.swap(published_);
    }
    for (Done& d : done) {
      bodies_in_flight_ -= d.body_reserved;  // whether or not its client is still there
      auto it = connections_.find(d.fd);
      if (it == connections_.end() || it->second.id != d.id || it->second.phase != Phase::kHandling) continue;
      if (d.response.stream) {
        StartStream(it->second, d.response);
        continue;
      }
      bool keep_alive = d.keep_alive && !stopping_;
      Respond(it->second, Serialize(d.response, keep_alive, false), keep_alive);
    }
    for (auto& [seq, bytes] : published) OnPublished(seq, std::move(bytes));
  }

  // --- streams (Server-Sent Events) ------------------------------------------------------------
  void StartStream(Connection& conn, const Response& response) {
    if (streams_.size() >= options_.max_streams || stopping_) {
      return Respond(conn, Serialize(ErrorResponse(503, stopping_ ? "the server is stopping" : "too many streams open"), false, false), false);
    }
    --busy_;  // a stream may stay open for hours: it must not hold up a graceful stop
    conn.phase = Phase::kStreaming;
    conn.phase_start = conn.last_progress = Clock::now();
    conn.stream_seq = response.stream_after;
    conn.out = Serialize(response, false, false);
    conn.out_offset = 0;
    streams_.insert(conn.fd);
    // What was published between the handler's look at the log and now.
    if (!published_ring_.empty() && published_ring_.front().first > conn.stream_seq + 1 &&
        conn.stream_seq < published_ring_.back().first) {
      conn.out += "event: reset\ndata: {}\n\n";  // too far behind: the client reloads
    }
    for (const auto& [seq, bytes] : published_ring_) {
      if (seq <= conn.stream_seq) continue;
      conn.out += bytes;
      conn.stream_seq = seq;
    }
    StreamWrite(conn);
  }

  void OnPublished(int64_t seq, std::string bytes) {
    published_ring_.emplace_back(seq, bytes);
    while (published_ring_.size() > kPublishedKept) published_ring_.pop_front();
    std::vector<int> streams(streams_.begin(), streams_.end());
    for (int fd : streams) {
      Connection& conn = connections_.at(fd);
      if (seq <= conn.stream_seq) continue;
      conn.stream_seq = seq;
      if (conn.out.size() - conn.out_offset + bytes.size() > options_.max_stream_backlog) {
        Close(conn);  // a reader this slow reconnects and asks for what it missed
        continue;
      }
      conn.out += bytes;
      StreamWrite(conn);
    }
  }

  void StreamWrite(Connection& conn) {
    while (conn.out_offset < conn.out.size()) {
      ssize_t sent = ::send(conn.fd, conn.out.data() + conn.out_offset, conn.out.size() - conn.out_offset, MSG_NOSIGNAL);
      if (sent > 0) {
        conn.out_offset += static_cast<size_t>(sent);
        conn.last_progress = Clock::now();
        continue;
      }
      if (sent < 0 && errno == EINTR) continue;
      if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return Watch(conn, EPOLLIN | EPOLLRDHUP | EPOLLOUT);
      return Close(conn);
    }
    conn.out.clear();
    conn.out_offset = 0;
    Watch(conn, EPOLLIN | EPOLLRDHUP);
  }

  // A stream's client sends nothing more; input is read and dropped, and its end closes the stream.
  void OnStreamEvent(Connection& conn, uint32_t events) {
    if (events & (EPOLLHUP | EPOLLRDHUP)) return Close(conn);
    if (events & EPOLLIN) {
      char buf[4096];
      while (true) {
        ssize_t got = ::recv(conn.fd, buf, sizeof buf, 0);
        if (got > 0) continue;
        if (got < 0 && errno == EINTR) continue;
        if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
        return Close(conn);
      }
    }
    if (events & EPOLLOUT) StreamWrite(conn);
  }

  void Respond(Connection& conn, std::string wire, bool keep_alive) {
    if (conn.phase != Phase::kHandling) ++busy_;
    conn.phase = Phase::kWriting;
    conn.phase_start = Clock::now();
    conn.out = std::move(wire);
    conn.out_offset = 0;
    conn.close_after_write = !keep_alive;
    WritePending(conn);
  }

  void WritePending(Connection& conn) {
    while (conn.out_offset < conn.out.size()) {
      ssize_t sent = ::send(conn.fd, conn.out.data() + conn.out_offset, conn.out.size() - conn.out_offset, MSG_NOSIGNAL);
      if (sent > 0) {
        conn.out_offset += static_cast<size_t>(sent);
        continue;
      }
      if (sent < 0 && errno == EINTR) continue;
      if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return Watch(conn, EPOLLOUT);
      return Close(conn);
    }
    --busy_;
    conn.out.clear();
    conn.out.shrink_to_fit();
    if (conn.close_after_write) return StartLingering(conn);
    conn.phase = Phase::kReading;
    conn.wait_start = conn.phase_start = Clock::now();
    conn.sent_continue = false;
    conn.head_checked = false;
    conn.parser.Reset();
    Watch(conn, EPOLLIN | EPOLLRDHUP);
    if (conn.parser.state() != ParseState::kHeaders) AfterInput(conn);  // a pipelined request already arrived
  }

  // Closing right after an error would make the kernel reset the connection if the client is still
  // sending (a refused body), and the reset can destroy the answer before the client reads it. So the
  // server half-closes, reads and drops what still comes for a moment, then closes.
  void StartLingering(Connection& conn) {
    conn.phase = Phase::kLingering;
    conn.phase_start = Clock::now();
    conn.parser.Discard();  // a refused request's partial body is not kept while lingering
    ReleaseBody(conn);
    ::shutdown(conn.fd, SHUT_WR);
    Watch(conn, EPOLLIN);
  }

  void Discard(Connection& conn) {
    char buf[kReadChunk];
    while (true) {
      ssize_t got = ::recv(conn.fd, buf, sizeof buf, 0);
      if (got > 0) continue;
      if (got < 0 && errno == EINTR) continue;
      if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
      return Close(conn);
    }
  }

  // Closes every connection past its deadline.
  void Sweep() {
    Clock::time_point now = Clock::now();
    if (now - last_sweep_ < milliseconds(kSweepIntervalMs)) return;
    last_sweep_ = now;
    ResumeAccepting();
    std::vector<int> expired, timed_out, heartbeats;
    for (auto& [fd, conn] : connections_) {
      switch (conn.phase) {
        case Phase::kReading: {
          bool in_headers = conn.parser.state() == ParseState::kHeaders;
          milliseconds limit(in_headers ? options_.header_timeout_ms : options_.request_timeout_ms);
          if (now - conn.wait_start > limit) (conn.parser.started() ? timed_out : expired).push_back(fd);
          break;
        }
        case Phase::kWriting:
          if (now - conn.phase_start > milliseconds(options_.write_timeout_ms)) expired.push_back(fd);
          break;
        case Phase::kLingering:
          if (now - conn.phase_start > kLingerTime) expired.push_back(fd);
          break;
        case Phase::kHandling:
          break;  // the handler cannot be interrupted; its own queries have limits
        case Phase::kStreaming:
          if (conn.out_offset < conn.out.size()) {
            // Nothing moved for a write timeout: the client stopped reading.
            if (now - conn.last_progress > milliseconds(options_.write_timeout_ms)) expired.push_back(fd);
          } else if (now - conn.last_progress > milliseconds(options_.stream_heartbeat_ms)) {
            heartbeats.push_back(fd);
          }
          break;
      }
    }
    for (int fd : heartbeats) {
      Connection& conn = connections_.at(fd);
      conn.out = ":\n\n";
      conn.out_offset = 0;
      conn.last_progress = now;
      StreamWrite(conn);
    }
    for (int fd : expired) Close(connections_.at(fd));
    for (int fd : timed_out) {
      Connection& conn = connections_.at(fd);
      Respond(conn, Serialize(ErrorResponse(408, "the request did not arrive in time"), false, false), false);
    }
  }

  ServerOptions options_;
  Handler handler_;
  HeadCheck head_check_;
  int listen_fd_;
  int stop_fd_;
  int epoll_fd_ = -1;
  int done_fd_ = -1;
  size_t max_connections_ = 0;
  std::unordered_map<int, Connection> connections_;
  uint64_t next_id_ = 1;
  size_t busy_ = 0;  // connections handling or writing a response
  size_t bodies_in_flight_ = 0;  // bytes of body budget held by requests (ServerOptions::max_body_bytes_in_flight)
  bool stopping_ = false;
  bool accept_paused_ = false;
  Clock::time_point last_sweep_{};

  std::mutex jobs_mutex_;
  std::condition_variable jobs_cv_;
  std::deque<Job> jobs_;
  bool workers_quit_ = false;

  std::mutex done_mutex_;
  std::deque<Done> done_;
  std::deque<std::pair<int64_t, std::string>> published_;  // from Publish, for the I/O thread

  std::unordered_set<int> streams_;  // connections in Phase::kStreaming
  std::deque<std::pair<int64_t, std::string>> published_ring_;  // the latest kPublishedKept, I/O thread only

 public:
  void Publish(int64_t seq, std::string bytes) {
    {
      std::lock_guard<std::mutex> lock(done_mutex_);
      published_.emplace_back(seq, std::move(bytes));
    }
    uint64_t one = 1;
    [[maybe_unused]] ssize_t w = ::write(done_fd_, &one, sizeof one);
  }
};

Result<std::unique_ptr<Server>> Server::Create(const ServerOptions& options, Handler handler, HeadCheck head_check) {
  Result<Listener> listener = Listen(options.host, options.port);
  if (!listener.ok()) return listener.status();
  std::unique_ptr<Server> server(new Server());
  server->host_ = listener->host;
  server->port_ = listener->port;
  server->loopback_ = listener->loopback;
  server->stop_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (server->stop_fd_ < 0) {
    CloseFd(listener->fd);
    return IoError(std::string("eventfd: ") + std::strerror(errno));
  }
  server->loop_ = std::make_unique<Loop>(options, std::move(handler), std::move(head_check), listener->fd,
                                         server->stop_fd_);
  if (Status s = server->loop_->Init(); !s.ok()) return s;
  return server;
}

Server::~Server() {
  loop_.reset();
  CloseFd(stop_fd_);
}

std::string Server::address() const { return host_ + ":" + std::to_string(port_); }

void Server::Run() { loop_->Run(); }

void Server::Publish(int64_t seq, std::string bytes) { loop_->Publish(seq, std::move(bytes)); }

void Server::Stop() {
  uint64_t one = 1;
  [[maybe_unused]] ssize_t w = ::write(stop_fd_, &one, sizeof one);
}

}  // namespace corroborate::http
