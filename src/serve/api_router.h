// The HTTP API over a store: parses each request's path and parameters, calls the store, and wraps
// its JSON (or an error) in a response; GET / and GET /<file> serve the embedded web page. Thin by
// design: every query and every JSON shape belongs to the store (store/store.h).
// Tested in tests/serve (a real `corroborate serve` on loopback).
//
//   ApiRouter router(*store, RouterOptions{.write_token = token});
//   http::Response r = router.Handle(request);     // safe from several threads at once
#pragma once

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
};

class ApiRouter {
 public:
  ApiRouter(store::Store& store, RouterOptions options) : store_(store), options_(std::move(options)) {}

  http::Response Handle(const http::Request& request);

 private:
  http::Response PostArticles(const http::Request& request);
  http::Response ListStories(const http::Request& request);
  http::Response ListStorylines(const http::Request& request);
  http::Response ListEvents(const http::Request& request);
  http::Response Search(const http::Request& request);

  store::Store& store_;
  RouterOptions options_;
};

// GET of a file of web/ ("/" is index.html), with its content type; 404 when there is no such file.
http::Response WebFileResponse(std::string_view path);

}  // namespace corroborate::serve
