// The HTTP API over a store: parses each request's path and parameters, calls the store, and wraps
// its JSON (or an error) in a response; GET / and GET /<file> serve the embedded web page. Thin by
// design: every query and every JSON shape belongs to the store (store/store.h).
// Tested in tests/serve (a real `corroborate serve` on loopback).
//
//   ApiRouter router(*store, RouterOptions{.write_token = token});
//   http::Response r = router.Handle(request);     // safe from several threads at once
#pragma once

#include <atomic>
#include <optional>
#include <string>

#include "http/request.h"
#include "http/response.h"
#include "store/store.h"

namespace corroborate::serve {

struct RouterOptions {
  // When not empty, POST requests must carry "Authorization: Bearer <write_token>".
  std::string write_token;
  // Upper bound of per_page on the listing endpoints.
  int max_per_page = 100;
  // Searches answered at once; more get 503 at once. Searches are the one read whose cost the
  // client chooses (up to the store's search time limit), so they may hold only some of the
  // server's workers and the rest stay free for other reads. `serve` sets half its workers.
  int max_concurrent_searches = 2;
};

class ApiRouter {
 public:
  ApiRouter(store::Store& store, RouterOptions options) : store_(store), options_(std::move(options)) {}

  http::Response Handle(const http::Request& request);

  // Called by the server once a request's head has arrived, before its body is read (on the I/O
  // thread: cheap, no store access). A response to send instead of reading the body, or nullopt to
  // go on: a body on a request that takes none, or a write without the token, is refused here so
  // that nobody can make the server hold a body it will not use.
  std::optional<http::Response> CheckHead(const http::Request& head, size_t body_length);

 private:
  http::Response PostArticles(const http::Request& request);
  http::Response ListStories(const http::Request& request);
  http::Response ListStorylines(const http::Request& request);
  http::Response ListEvents(const http::Request& request);
  http::Response Search(const http::Request& request);
  http::Response Stream(const http::Request& request);

  // 401 when a token is set and `request` does not carry it; nullopt when it may write.
  std::optional<http::Response> Unauthorized(const http::Request& request) const;

  store::Store& store_;
  RouterOptions options_;
  std::atomic<int> searches_{0};
};

// One change-log record as a Server-Sent Event: "id: SEQ\nevent: KIND\ndata: JSON\n\n".
std::string SseEvent(const store::Change& change);

// GET of a file of web/ ("/" is index.html), with its content type; 404 when there is no such file.
http::Response WebFileResponse(std::string_view path);

}  // namespace corroborate::serve
