// The incremental HTTP/1.1 request parser (request.h): strict about framing, since a server that
// guesses where a request ends can be made to read two requests as one.
#include "http/request.h"

#include <algorithm>
#include <charconv>

#include "core/ascii.h"
#include "http/url.h"

namespace corroborate::http {
namespace {

bool IsTokenChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool IsToken(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!IsTokenChar(c)) return false;
  }
  return true;
}

// Splits off the text before the first `sep`; returns false when there is none.
bool SplitOnce(std::string_view s, char sep, std::string_view& before, std::string_view& after) {
  size_t at = s.find(sep);
  if (at == std::string_view::npos) return false;
  before = s.substr(0, at);
  after = s.substr(at + 1);
  return true;
}

}  // namespace

std::string_view Request::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (key == name) return value;
  }
  return {};
}

bool Request::KeepAlive() const {
  std::string connection = ascii::Lower(Header("connection"));
  if (minor_version == 0) return connection.find("keep-alive") != std::string::npos;
  return connection.find("close") == std::string::npos;
}

void RequestParser::Feed(std::string_view bytes) {
  if (state_ == ParseState::kError) return;
  buffer_.append(bytes);
  Advance();
}

void RequestParser::Reset() {
  state_ = ParseState::kHeaders;
  request_ = Request{};
  body_length_ = 0;
  expects_continue_ = false;
  Advance();
}

void RequestParser::Discard() {
  state_ = ParseState::kHeaders;
  request_ = Request{};
  body_length_ = 0;
  expects_continue_ = false;
  buffer_.clear();
  buffer_.shrink_to_fit();
  scanned_ = 0;
}

void RequestParser::Fail(int status, std::string message) {
  state_ = ParseState::kError;
  error_status_ = status;
  error_message_ = std::move(message);
  buffer_.clear();
}

// The end of the head is the first empty line, ended by CRLF or (leniently) by LF alone: `end` is
// where the head stops, `terminator` the bytes after it up to the body. The scan resumes where the
// previous one stopped, so a head arriving byte by byte costs linear time.
bool RequestParser::FindEndOfHead(size_t& end, size_t& terminator) {
  for (size_t i = scanned_; i < buffer_.size(); ++i) {
    if (buffer_[i] != '\n') continue;
    if (i + 1 < buffer_.size() && buffer_[i + 1] == '\n') {
      end = i;
      terminator = 2;
      return true;
    }
    if (i + 2 < buffer_.size() && buffer_[i + 1] == '\r' && buffer_[i + 2] == '\n') {
      end = i;
      terminator = 3;
      return true;
    }
    if (i + 2 >= buffer_.size()) {
      scanned_ = i;  // not enough bytes after this newline to decide yet
      return false;
    }
  }
  scanned_ = buffer_.size();
  return false;
}

void RequestParser::Advance() {
  if (state_ == ParseState::kHeaders) {
    // Blank lines before a request line are allowed (RFC 9112 §2.2) and ignored.
    size_t skip = 0;
    while (skip < buffer_.size() && (buffer_[skip] == '\r' || buffer_[skip] == '\n')) ++skip;
    if (skip > 0) {
      buffer_.erase(0, skip);
      scanned_ = 0;
    }
    size_t end = 0, terminator = 0;
    bool found = FindEndOfHead(end, terminator);
    size_t head_size = found ? end + terminator : buffer_.size();
    if (head_size > limits_.max_header_bytes) {
      Fail(431, "the request line and headers exceed " + std::to_string(limits_.max_header_bytes) + " bytes");
      return;
    }
    if (!found) return;
    std::string head = buffer_.substr(0, end);
    buffer_.erase(0, end + terminator);
    scanned_ = 0;
    if (!ParseHead(head)) return;
    state_ = ParseState::kBody;
  }
  if (state_ == ParseState::kBody) {
    // Moved to the body as it arrives, which is reserved once at its full length: a body costs its
    // length, not twice that (a buffer and a copy) nor a growing string's doubling.
    const size_t take = std::min(body_length_ - request_.body.size(), buffer_.size());
    if (take > 0) {
      if (request_.body.empty()) request_.body.reserve(body_length_);
      request_.body.append(buffer_, 0, take);
      buffer_.erase(0, take);
    }
    if (request_.body.size() == body_length_) state_ = ParseState::kComplete;
  }
}

bool RequestParser::ParseHead(std::string_view head) {
  std::vector<std::string_view> lines;
  while (!head.empty()) {
    size_t nl = head.find('\n');
    std::string_view line = head.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (nl == std::string_view::npos) break;
    head.remove_prefix(nl + 1);
  }
  if (lines.empty()) {
    Fail(400, "empty request");
    return false;
  }

  std::string_view method, rest, target, version;
  if (!SplitOnce(lines[0], ' ', method, rest) || !SplitOnce(rest, ' ', target, version) || !IsToken(method)) {
    Fail(400, "malformed request line");
    return false;
  }
  if (version != "HTTP/1.1" && version != "HTTP/1.0") {
    Fail(400, "unsupported HTTP version (HTTP/1.0 and HTTP/1.1 are served)");
    return false;
  }
  if (target.empty() || target.front() != '/') {
    Fail(400, "the request target must be a path starting with /");
    return false;
  }
  request_.method = std::string(method);
  request_.target = std::string(target);
  request_.minor_version = version.back() - '0';
  std::string_view raw_path = target, query;
  if (size_t q = target.find('?'); q != std::string_view::npos) {
    raw_path = target.substr(0, q);
    query = target.substr(q + 1);
  }
  std::optional<std::string> path = PercentDecode(raw_path, false);
  if (!path || path->find('\0') != std::string::npos) {
    Fail(400, "malformed percent escape in the path");
    return false;
  }
  request_.path = std::move(*path);
  request_.query = std::string(query);

  bool has_length = false;
  for (size_t i = 1; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    std::string_view name, value;
    // A line starting with a blank continues the previous header (obsolete folding): refused, as RFC 9112 allows.
    if (!SplitOnce(line, ':', name, value) || !IsToken(name)) {
      Fail(400, "malformed header line " + std::to_string(i + 1));
      return false;
    }
    std::string key = ascii::Lower(name);
    std::string_view trimmed = ascii::TrimHeader(value);
    if (key == "transfer-encoding") {
      Fail(411, "chunked request bodies are not accepted; send Content-Length");
      return false;
    }
    if (key == "content-length") {
      size_t length = 0;
      auto [end, ec] = std::from_chars(trimmed.data(), trimmed.data() + trimmed.size(), length);
      if (ec != std::errc() || end != trimmed.data() + trimmed.size() || trimmed.empty() ||
          (has_length && length != body_length_)) {
        Fail(400, "malformed Content-Length");
        return false;
      }
      if (length > limits_.max_body_bytes) {
        Fail(413, "the body exceeds " + std::to_string(limits_.max_body_bytes) + " bytes");
        return false;
      }
      has_length = true;
      body_length_ = length;
    }
    if (key == "expect") expects_continue_ = ascii::Lower(trimmed) == "100-continue";
    request_.headers.emplace_back(std::move(key), std::string(trimmed));
  }
  return true;
}

}  // namespace corroborate::http
