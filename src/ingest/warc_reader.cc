// WARC record framing and response extraction (see warc_reader.h). Tested in warc_reader_test.cc
// and tests/robust.
#include "ingest/warc_reader.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "core/ascii.h"
#include "ingest/charset.h"
#include "ingest/http_payload.h"

namespace corroborate {

namespace {

constexpr size_t kMaxHeaderLine = 64u << 10;
constexpr size_t kMaxHeaderLines = 512;
// HTTP status line and headers ride along with the page inside the record block.
constexpr size_t kHttpHeaderAllowance = 1u << 20;

struct WarcHeaders {
  std::string type;
  std::string target_uri;
  std::string content_type;
  bool has_length = false;
  size_t content_length = 0;
};

using ascii::Lower;

std::string_view Trim(std::string_view s) { return ascii::TrimHeader(s); }

void SetHeader(WarcHeaders& h, std::string_view line) {
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;
  const std::string name = Lower(Trim(line.substr(0, colon)));
  std::string_view value = Trim(line.substr(colon + 1));
  if (name == "warc-type") {
    h.type = Lower(value);
  } else if (name == "warc-target-uri") {
    // WARC 1.0's grammar put the URI in angle brackets; some writers still do.
    if (value.size() >= 2 && value.front() == '<' && value.back() == '>') value = value.substr(1, value.size() - 2);
    h.target_uri = std::string(value);
  } else if (name == "content-type") {
    h.content_type = Lower(value);
  } else if (name == "content-length") {
    size_t n = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    h.has_length = ec == std::errc() && end == value.data() + value.size();
    h.content_length = n;
  }
}

class WarcRecordReader {
 public:
  WarcRecordReader(BufferedReader& in, const std::string& path, const ReadLimits& limits,
                   const DocumentCallback& on_document, const ProblemCallback& on_problem)
      : in_(in), path_(path), limits_(limits), on_document_(on_document), on_problem_(on_problem) {}

  void Run() {
    bool lost = false;  // between records after a malformed one, looking for the next header
    while (true) {
      Result<LineStatus> r = in_.ReadLine(line_, kMaxHeaderLine);
      if (!r.ok()) return Problem(record_ + 1, r.status().message());
      if (*r == LineStatus::kEnd) return;
      std::string_view l = Trim(line_);
      if (*r == LineStatus::kLine && l.empty()) continue;
      if (*r == LineStatus::kTooLong || !l.starts_with("WARC/")) {
        if (!lost) Problem(record_ + 1, record_ == 0 ? "not a WARC file (no WARC/ version line)"
                                                     : "bytes between records are not a WARC header; skipping to the next");
        lost = true;
        if (record_ == 0) return;
        continue;
      }
      lost = false;
      ++record_;
      if (!ReadRecord(lost)) return;
    }
  }

 private:
  void Problem(size_t record, const std::string& reason) { on_problem_({path_, record, reason}); }

  // Reads one record after its version line; false when the input cannot be read further.
  bool ReadRecord(bool& lost) {
    WarcHeaders h;
    bool ended = false;
    for (size_t n = 0; n < kMaxHeaderLines; ++n) {
      Result<LineStatus> r = in_.ReadLine(line_, kMaxHeaderLine);
      if (!r.ok()) {
        Problem(record_, r.status().message());
        return false;
      }
      if (*r == LineStatus::kEnd) {
        Problem(record_, "truncated record: input ends inside its header");
        return false;
      }
      if (*r == LineStatus::kTooLong) continue;
      if (Trim(line_).empty()) {
        ended = true;
        break;
      }
      SetHeader(h, line_);
    }
    if (!ended || !h.has_length) {
      Problem(record_, ended ? "record has no valid Content-Length" : "record header too long");
      lost = true;
      return true;
    }
    const bool wanted = h.type == "response" && h.content_type.starts_with("application/http");
    const bool too_big = h.content_length > limits_.max_document_bytes + kHttpHeaderAllowance;
    if (!wanted || too_big) {
      Result<size_t> skipped = in_.Skip(h.content_length);
      if (!skipped.ok()) {
        Problem(record_, skipped.status().message());
        return false;
      }
      if (*skipped < h.content_length) {
        Problem(record_, "truncated record: " + std::to_string(*skipped) + " of " +
                             std::to_string(h.content_length) + " bytes");
        return false;
      }
      if (too_big && wanted) {
        Problem(record_, "record larger than " + std::to_string(limits_.max_document_bytes >> 20) + " MB");
      }
      return true;
    }
    block_.clear();
    if (Status st = in_.ReadExact(h.content_length, block_); !st.ok()) {
      Problem(record_, st.message());
      return false;
    }
    if (block_.size() < h.content_length) {
      Problem(record_, "truncated record: " + std::to_string(block_.size()) + " of " +
                           std::to_string(h.content_length) + " bytes");
      return false;
    }
    EmitPage(h);
    return true;
  }

  void EmitPage(const WarcHeaders& h) {
    Result<HttpResponse> http = ParseHttpResponse(block_, limits_.max_document_bytes);
    if (!http.ok()) return Problem(record_, http.status().message());
    // Only successful pages are articles; redirects and errors are crawl noise.
    if (http->status < 200 || http->status > 299 || !IsHtml(*http)) return;
    RawDocument doc;
    doc.id = h.target_uri.empty() ? path_ + "#" + std::to_string(record_) : h.target_uri;
    doc.url = h.target_uri;
    doc.source = path_;
    doc.line = record_;
    doc.kind = ContentKind::kHtml;
    doc.body = DecodeHtml(http->body, CharsetFromContentType(http->content_type));
    on_document_(std::move(doc));
  }

  BufferedReader& in_;
  const std::string& path_;
  const ReadLimits& limits_;
  const DocumentCallback& on_document_;
  const ProblemCallback& on_problem_;
  size_t record_ = 0;
  std::string line_;
  std::string block_;
};

}  // namespace

void ReadWarc(BufferedReader& in, const std::string& path, const ReadLimits& limits,
              const DocumentCallback& on_document, const ProblemCallback& on_problem) {
  WarcRecordReader(in, path, limits, on_document, on_problem).Run();
}

}  // namespace corroborate
