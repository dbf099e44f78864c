// An HTTP/1.1 request and the incremental parser that reads one from a connection's bytes, with
// limits on header and body size. Tested in request_test.cc.
//
//   RequestParser p(limits);
//   p.Feed(bytes);                        // as they arrive; repeat
//   if (p.state() == ParseState::kComplete) handle(p.request());
//   if (p.state() == ParseState::kError) reply(p.error_status(), p.error_message());
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace corroborate::http {

struct Request {
  std::string method;   // as sent, e.g. "GET"
  std::string target;   // as sent, e.g. "/api/stories?page=2"
  std::string path;     // the target before '?', percent-decoded
  std::string query;    // the target after '?', still encoded (see url.h)
  int minor_version = 1;  // HTTP/1.x
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;

  // The first header called `name` (lower case), or "" when absent.
  std::string_view Header(std::string_view name) const;
  // Whether the client lets the connection stay open after this request (HTTP/1.1 default).
  bool KeepAlive() const;
};

struct RequestLimits {
  size_t max_header_bytes = 16 * 1024;        // request line and headers together → 431
  size_t max_body_bytes = 8 * 1024 * 1024;    // Content-Length above this → 413
};

enum class ParseState {
  kHeaders,   // waiting for the end of the headers
  kBody,      // headers read; waiting for Content-Length bytes of body
  kComplete,  // request() is ready; bytes after it stay for the next request
  kError,     // error_status() says which answer the client gets; the connection must close
};

class RequestParser {
 public:
  explicit RequestParser(RequestLimits limits) : limits_(limits) {}

  // Adds bytes from the connection and advances as far as they allow.
  void Feed(std::string_view bytes);
  // Starts the next request on the same connection, keeping bytes already received after the last one.
  void Reset();
  // Forgets the current request and every byte received (a refused request's connection).
  void Discard();

  ParseState state() const { return state_; }
  // True once any byte of the current request has arrived (an idle keep-alive connection has none).
  bool started() const { return !buffer_.empty() || state_ != ParseState::kHeaders; }
  // After the headers: whether the client waits for "100 Continue" before sending the body.
  bool expects_continue() const { return expects_continue_; }
  // After the headers: the body's length (Content-Length, 0 without one).
  size_t body_length() const { return body_length_; }
  const Request& request() const { return request_; }
  Request& request() { return request_; }
  int error_status() const { return error_status_; }
  const std::string& error_message() const { return error_message_; }

 private:
  void Advance();
  bool FindEndOfHead(size_t& end, size_t& terminator);
  bool ParseHead(std::string_view head);
  void Fail(int status, std::string message);

  RequestLimits limits_;
  ParseState state_ = ParseState::kHeaders;
  std::string buffer_;  // received bytes not yet consumed (the body goes straight to request_.body)
  size_t scanned_ = 0;  // bytes of buffer_ already searched for the end of the head
  size_t body_length_ = 0;
  bool expects_continue_ = false;
  Request request_;
  int error_status_ = 0;
  std::string error_message_;
};

}  // namespace corroborate::http
