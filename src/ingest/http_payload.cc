// HTTP response parsing for WARC payloads (see http_payload.h). Tested in warc_reader_test.cc.
#include "ingest/http_payload.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "core/ascii.h"
#include "ingest/inflate.h"

namespace corroborate {

namespace {

using ascii::Lower;

std::string_view Trim(std::string_view s) { return ascii::TrimHeader(s); }

// Next line of `s` from `pos` without its CRLF/LF; advances `pos`. False at the end.
bool NextLine(std::string_view s, size_t& pos, std::string_view& line) {
  if (pos >= s.size()) return false;
  size_t nl = s.find('\n', pos);
  if (nl == std::string_view::npos) nl = s.size();
  line = s.substr(pos, nl - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  pos = nl + 1;
  return true;
}

}  // namespace

Result<std::string> Dechunk(std::string_view body) {
  std::string out;
  size_t pos = 0;
  while (true) {
    std::string_view line;
    if (!NextLine(body, pos, line)) return InvalidInput("chunked body ends without a last chunk");
    line = Trim(line.substr(0, line.find(';')));  // chunk extensions are ignored
    if (line.empty() || line.size() > 15 || line.find_first_not_of("0123456789abcdefABCDEF") != std::string_view::npos) {
      return InvalidInput("bad chunk size line");
    }
    size_t size = 0;
    std::from_chars(line.data(), line.data() + line.size(), size, 16);  // at most 15 hex digits: fits
    if (size == 0) return out;  // trailers after the last chunk carry nothing we need
    if (size > body.size() - std::min(pos, body.size())) return InvalidInput("chunk runs past the body");
    out.append(body.substr(pos, size));
    pos += size;
    if (body.substr(pos, 2) == "\r\n") {
      pos += 2;
    } else if (body.substr(pos, 1) == "\n") {
      pos += 1;
    } else {
      return InvalidInput("chunk not followed by a line break");
    }
  }
}

Result<HttpResponse> ParseHttpResponse(std::string_view message, size_t max_body_bytes) {
  HttpResponse r;
  size_t pos = 0;
  std::string_view line;
  if (!NextLine(message, pos, line) || !line.starts_with("HTTP/")) return InvalidInput("no HTTP status line");
  const size_t sp = line.find(' ');
  if (sp == std::string_view::npos || line.size() < sp + 4) return InvalidInput("bad HTTP status line");
  const std::string_view code = line.substr(sp + 1, 3);
  if (code.find_first_not_of("0123456789") != std::string_view::npos) return InvalidInput("bad HTTP status code");
  std::from_chars(code.data(), code.data() + code.size(), r.status);
  bool ended = false;
  while (NextLine(message, pos, line)) {
    if (line.empty()) {
      ended = true;
      break;
    }
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;  // tolerated, as browsers do
    const std::string name = Lower(Trim(line.substr(0, colon)));
    const std::string_view value = Trim(line.substr(colon + 1));
    if (name == "content-type" && r.content_type.empty()) r.content_type = std::string(value);
    else if (name == "transfer-encoding") r.transfer_encoding = Lower(value);
    else if (name == "content-encoding") r.content_encoding = Lower(value);
  }
  if (!ended) return InvalidInput("HTTP headers do not end");
  if (!r.content_type.empty() && !IsHtml(r)) return r;  // not a page: its body is not ours to decode
  std::string_view body = message.substr(std::min(pos, message.size()));
  std::string dechunked;
  if (r.transfer_encoding.find("chunked") != std::string::npos) {
    Result<std::string> d = Dechunk(body);
    if (d.ok()) {
      dechunked = d.take();
      body = dechunked;
    }
  }
  const std::string& ce = r.content_encoding;
  const bool gzip_magic = body.size() >= 2 && static_cast<unsigned char>(body[0]) == 0x1F &&
                          static_cast<unsigned char>(body[1]) == 0x8B;
  if ((ce == "gzip" || ce == "x-gzip") && gzip_magic) {
    Result<std::string> b = Inflate(body, InflateFormat::kGzip, max_body_bytes);
    if (!b.ok()) return b.status();
    r.body = b.take();
  } else if (ce == "deflate") {
    Result<std::string> b = Inflate(body, InflateFormat::kDeflate, max_body_bytes);
    if (!b.ok()) return b.status();
    r.body = b.take();
  } else if (ce.empty() || ce == "identity" || ce == "gzip" || ce == "x-gzip") {
    // A gzip label over a body without the gzip magic: the crawler stored it decoded already.
    if (body.size() > max_body_bytes) return LimitExceeded("page larger than " + std::to_string(max_body_bytes >> 20) + " MB");
    r.body = std::string(body);
  } else {
    return Unsupported("unsupported Content-Encoding \"" + ce + "\"");
  }
  return r;
}

bool IsHtml(const HttpResponse& response) {
  const std::string type = Lower(Trim(response.content_type.substr(0, response.content_type.find(';'))));
  if (!type.empty()) return type == "text/html" || type == "application/xhtml+xml";
  std::string_view b = response.body;
  const size_t start = b.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return false;
  const std::string head = Lower(b.substr(start, 15));
  return head.starts_with("<!doctype html") || head.starts_with("<html");
}

}  // namespace corroborate
