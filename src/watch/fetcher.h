// One HTTP or HTTPS GET with libcurl (Debian's), with the limits a watcher of other people's servers
// needs: connect and total timeouts (a hanging host costs one attempt's timeout, not forever), a
// minimum transfer speed, a body cap counted after decompression (a gzip bomb stops at the cap,
// inflated piece by piece), http and https only, and conditional GET (ETag, Last-Modified).
// Redirects are not followed here: the caller follows Location itself, so that each hop passes its
// host's robots.txt and request interval. Blocking; call it from any thread. Tested in
// fetcher_test.cc and tests/watch.
//
//   FetchRequest req{.url = "https://example.org/feed.xml", .etag = saved_etag};
//   Result<FetchResponse> r = Fetch(req);
//   if (!r.ok()) report(r.status().message());          // no answer: refused, timed out, too large
//   else if (r->status == 304) { /* unchanged */ }
//   else if (r->status == 200) parse(r->body->Reader());
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "core/status.h"
#include "watch/spill_buffer.h"

namespace corroborate::watch {

struct FetchRequest {
  std::string url;
  std::string etag;           // sent as If-None-Match when set
  std::string last_modified;  // sent as If-Modified-Since when set
  std::string user_agent = "corroborate/0.1";
  size_t max_bytes = 256u << 20;  // body after decompression; over it the fetch fails (kLimitExceeded)
  int connect_timeout_ms = 5000;
  int timeout_ms = 20000;         // the whole transfer
  int low_speed_seconds = 10;     // abort when under 1 byte/s for this long
  const std::atomic<bool>* cancel = nullptr;  // when it turns true the transfer is abandoned
};

struct FetchResponse {
  int status = 0;
  std::string etag, last_modified, content_type;
  std::string location;       // the redirect target, resolved against the URL, for 3xx
  double retry_after = 0;     // seconds, from Retry-After (429, 503)
  std::unique_ptr<SpillBuffer> body = std::make_unique<SpillBuffer>();
};

// Fails (kIoError) when no complete answer came: cannot connect, timed out, reset; kLimitExceeded
// when the body passes max_bytes; kInvalidInput for a URL that is not http(s). An HTTP error
// status is an answer, not a failure.
Result<FetchResponse> Fetch(const FetchRequest& request);

// POSTs `body` as application/json and returns the status (the answer's body is dropped, up to
// 64 KiB read). Fails as Fetch does when no answer came.
Result<int> PostJson(const std::string& url, const std::string& body, const std::string& user_agent, int timeout_ms);

// Whether a failed fetch or a status is worth retrying soon (network trouble, 408, 429, 5xx).
bool Transient(const Status& failure);
bool TransientStatus(int status);

// "https", "example.org:8443", "/a/b?c" of an absolute http(s) URL; false when it is not one.
struct UrlParts {
  std::string scheme, authority, path;  // authority keeps a port when one is given
  std::string origin() const { return scheme + "://" + authority; }
};
bool SplitUrl(const std::string& url, UrlParts& out);

}  // namespace corroborate::watch
