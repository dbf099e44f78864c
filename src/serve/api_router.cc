// Routing and parameter checking for the HTTP API (api_router.h).
#include "serve/api_router.h"

#include <charconv>

#include "http/url.h"

namespace corroborate::serve {
namespace {

using http::ErrorResponse;
using http::Response;

constexpr size_t kMaxProblemsInMessage = 5;

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// The id in `path` after `prefix` (ids may hold '/', sent as %2F), or "" when there is none.
std::string IdAfter(std::string_view path, std::string_view prefix) {
  return StartsWith(path, prefix) ? std::string(path.substr(prefix.size())) : std::string();
}

// The store's status as an HTTP answer: its JSON, or the error its code stands for.
Response FromStore(const Result<std::string>& result) {
  if (result.ok()) return http::JsonResponse(200, *result);
  switch (result.status().code()) {
    case StatusCode::kNotFound: return ErrorResponse(404, result.status().message());
    case StatusCode::kInvalidInput: return ErrorResponse(400, result.status().message());
    case StatusCode::kLimitExceeded: return ErrorResponse(503, result.status().message());
    default: return ErrorResponse(500, "store error: " + result.status().message());
  }
}

Response MethodNotAllowed(std::string_view allowed) {
  Response r = ErrorResponse(405, "this path accepts " + std::string(allowed));
  r.headers.emplace_back("Allow", std::string(allowed));
  return r;
}

// A positive integer parameter; `fallback` when absent, nullopt when malformed or above `max`.
std::optional<int> PositiveParam(const http::QueryParams& params, std::string_view name, int fallback, int max) {
  std::string_view text = http::QueryValue(params, name);
  if (text.empty()) return fallback;
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 1 || value > max) return std::nullopt;
  return value;
}

bool IsIsoDay(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

struct Paging {
  int page = 1;
  int per_page = 20;
};

// Reads page and per_page; an error response in `error` when either is malformed.
bool ReadPaging(const http::QueryParams& params, int max_per_page, Paging& paging, Response& error) {
  std::optional<int> page = PositiveParam(params, "page", 1, 1000000);
  std::optional<int> per_page = PositiveParam(params, "per_page", 20, max_per_page);
  if (!page || !per_page) {
    error = ErrorResponse(400, "page must be a positive integer and per_page one from 1 to " + std::to_string(max_per_page));
    return false;
  }
  paging = Paging{*page, *per_page};
  return true;
}

}  // namespace

Response ApiRouter::Handle(const http::Request& request) {
  std::string_view path = request.path;
  const bool get = request.method == "GET";
  if (path == "/api/articles") {
    return request.method == "POST" ? PostArticles(request) : MethodNotAllowed("POST");
  }
  if (std::string id = IdAfter(path, "/api/articles/"); !id.empty()) {
    return get ? FromStore(store_.ArticleJson(id)) : MethodNotAllowed("GET");
  }
  if (path == "/api/stories") return get ? ListStories(request) : MethodNotAllowed("GET");
  if (std::string id = IdAfter(path, "/api/stories/"); !id.empty()) {
    if (!get) return MethodNotAllowed("GET");
    constexpr std::string_view kCorrections = "/corrections";  // story ids ("s12") hold no '/'
    constexpr std::string_view kWhy = "/why";
    if (id.size() > kCorrections.size() && id.ends_with(kCorrections)) {
      return FromStore(store_.StoryCorrectionsJson(id.substr(0, id.size() - kCorrections.size())));
    }
    if (id.size() > kWhy.size() && id.ends_with(kWhy)) {
      return FromStore(store_.StoryWhyJson(id.substr(0, id.size() - kWhy.size())));
    }
    return FromStore(store_.StoryJson(id));
  }
  if (path == "/api/storylines") return get ? ListStorylines(request) : MethodNotAllowed("GET");
  if (std::string id = IdAfter(path, "/api/storylines/"); !id.empty()) {
    return get ? FromStore(store_.StorylineJson(id)) : MethodNotAllowed("GET");
  }
  if (path == "/api/events") return get ? ListEvents(request) : MethodNotAllowed("GET");
  if (path == "/api/stream") return get ? Stream(request) : MethodNotAllowed("GET");
  if (std::string id = IdAfter(path, "/api/versions/"); !id.empty()) {
    return get ? FromStore(store_.ArticleVersionsJson(id)) : MethodNotAllowed("GET");
  }
  if (path == "/api/search") return get ? Search(request) : MethodNotAllowed("GET");
  if (path == "/api" || StartsWith(path, "/api/")) return ErrorResponse(404, "no such endpoint: " + std::string(path));
  if (!get) return MethodNotAllowed("GET");
  return WebFileResponse(path);
}

std::optional<Response> ApiRouter::Unauthorized(const http::Request& request) const {
  if (options_.write_token.empty()) return std::nullopt;
  std::string_view auth = request.Header("authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (StartsWith(auth, kBearer) && http::ConstantTimeEquals(auth.substr(kBearer.size()), options_.write_token)) {
    return std::nullopt;
  }
  Response r = ErrorResponse(401, "writing needs the header Authorization: Bearer <token>");
  r.headers.emplace_back("WWW-Authenticate", "Bearer");
  return r;
}

std::optional<Response> ApiRouter::CheckHead(const http::Request& head, size_t body_length) {
  const bool post_articles = head.path == "/api/articles" && head.method == "POST";
  if (post_articles) return Unauthorized(head);
  if (body_length == 0) return std::nullopt;
  // Every other request takes no body. A method other than GET gets what Handle answers (404 or
  // 405 with Allow, decided by the path alone: no endpoint but POST /api/articles reads a body);
  // a GET with a body 413. Either before a byte of the body is read.
  if (head.method != "GET") return Handle(head);
  return ErrorResponse(413, head.method + " " + head.path + " takes no body");
}

Response ApiRouter::PostArticles(const http::Request& request) {
  // Also checked before the body was read (CheckHead); checked again here for callers without one.
  if (std::optional<Response> refused = Unauthorized(request)) return *refused;
  if (request.body.find_first_not_of(" \t\r\n") == std::string::npos) {
    return ErrorResponse(400, "the body is empty; send one JSON article or JSON Lines");
  }
  Result<store::IngestReport> report = store_.IngestJsonLines(request.body, "request");
  if (!report.ok()) return ErrorResponse(500, "store error: " + report.status().message());
  if (report->accepted == 0 && report->duplicates == 0 && !report->rejected.empty()) {
    // Nothing usable: the whole request is bad, and the message names the lines and why.
    std::string message;
    for (size_t i = 0; i < report->rejected.size() && i < kMaxProblemsInMessage; ++i) {
      const InputProblem& p = report->rejected[i];
      if (!message.empty()) message += "; ";
      message += "line " + std::to_string(p.line) + ": " + p.reason;
    }
    if (report->rejected.size() > kMaxProblemsInMessage) {
      message += "; and " + std::to_string(report->rejected.size() - kMaxProblemsInMessage) + " more";
    }
    return ErrorResponse(400, message);
  }
  return http::JsonResponse(200, store::IngestReportJson(*report));
}

Response ApiRouter::ListStories(const http::Request& request) {
  http::QueryParams params = http::ParseQuery(request.query);
  Paging paging;
  Response error;
  if (!ReadPaging(params, options_.max_per_page, paging, error)) return error;
  store::StoryQuery query;
  query.page = paging.page;
  query.per_page = paging.per_page;
  query.entity = std::string(http::QueryValue(params, "entity"));
  query.type = std::string(http::QueryValue(params, "type"));
  query.from = std::string(http::QueryValue(params, "from"));
  query.to = std::string(http::QueryValue(params, "to"));
  if ((!query.from.empty() && !IsIsoDay(query.from)) || (!query.to.empty() && !IsIsoDay(query.to))) {
    return ErrorResponse(400, "from and to must be dates written YYYY-MM-DD");
  }
  return FromStore(store_.ListStoriesJson(query));
}

Response ApiRouter::ListStorylines(const http::Request& request) {
  http::QueryParams params = http::ParseQuery(request.query);
  Paging paging;
  Response error;
  if (!ReadPaging(params, options_.max_per_page, paging, error)) return error;
  store::StorylineQuery query;
  query.page = paging.page;
  query.per_page = paging.per_page;
  query.entity = std::string(http::QueryValue(params, "entity"));
  query.from = std::string(http::QueryValue(params, "from"));
  query.to = std::string(http::QueryValue(params, "to"));
  if ((!query.from.empty() && !IsIsoDay(query.from)) || (!query.to.empty() && !IsIsoDay(query.to))) {
    return ErrorResponse(400, "from and to must be dates written YYYY-MM-DD");
  }
  return FromStore(store_.ListStorylinesJson(query));
}

Response ApiRouter::ListEvents(const http::Request& request) {
  http::QueryParams params = http::ParseQuery(request.query);
  Paging paging;
  Response error;
  if (!ReadPaging(params, options_.max_per_page, paging, error)) return error;
  store::EventQuery query;
  query.page = paging.page;
  query.per_page = paging.per_page;
  query.type = std::string(http::QueryValue(params, "type"));
  query.entity = std::string(http::QueryValue(params, "entity"));
  query.origin = std::string(http::QueryValue(params, "origin"));
  query.cited = std::string(http::QueryValue(params, "cited"));
  return FromStore(store_.EventsJson(query));
}

Response ApiRouter::Search(const http::Request& request) {
  http::QueryParams params = http::ParseQuery(request.query);
  Paging paging;
  Response error;
  if (!ReadPaging(params, options_.max_per_page, paging, error)) return error;
  store::SearchQuery query;
  query.page = paging.page;
  query.per_page = paging.per_page;
  query.q = std::string(http::QueryValue(params, "q"));
  if (query.q.find_first_not_of(' ') == std::string::npos) return ErrorResponse(400, "q (the words to search for) is missing");
  // At most max_concurrent_searches at once: the others are turned away at once (503) instead of
  // queueing for a worker that every other reader also waits for.
  const bool admitted = searches_.fetch_add(1) < options_.max_concurrent_searches;
  struct Leave {
    std::atomic<int>& running;
    ~Leave() { running.fetch_sub(1); }
  } leave{searches_};
  if (!admitted) {
    Response r = ErrorResponse(503, "too many searches at once; try again in a moment");
    r.headers.emplace_back("Retry-After", "1");
    return r;
  }
  return FromStore(store_.SearchJson(query));
}

std::string SseEvent(const store::Change& c) {
  // Records are single-line JSON (JsonWriter escapes every newline), so one data line each.
  return "id: " + std::to_string(c.seq) + "\nevent: " + c.kind + "\ndata: " + c.json + "\n\n";
}

// GET /api/stream: the change log as Server-Sent Events. A client that gives the last id it saw
// (the Last-Event-ID header EventSource sends on reconnecting, or ?since=N) first gets what came
// after it (up to kBacklog records; further behind, a "reset" event tells it to reload); a new
// client gets what happens from now on. The server then keeps the connection and pushes each
// record as the publisher (serve_command.cc) hands it over.
Response ApiRouter::Stream(const http::Request& request) {
  constexpr size_t kBacklog = 1000;
  std::string_view since = request.Header("last-event-id");
  http::QueryParams params = http::ParseQuery(request.query);
  if (since.empty()) since = http::QueryValue(params, "since");
  Response r;
  r.status = 200;
  r.content_type = "text/event-stream; charset=utf-8";
  r.stream = true;
  r.body = "retry: 2000\n\n";
  int64_t after = -1;
  if (!since.empty()) {
    auto [end, ec] = std::from_chars(since.data(), since.data() + since.size(), after);
    if (ec != std::errc() || end != since.data() + since.size() || after < 0) {
      return ErrorResponse(400, "since (or Last-Event-ID) must be a change number");
    }
  }
  if (after < 0) {
    Result<int64_t> latest = store_.LatestChange();
    if (!latest.ok()) return ErrorResponse(500, "store error: " + latest.status().message());
    r.stream_after = *latest;
    return r;
  }
  Result<std::vector<store::Change>> backlog = store_.ChangesSince(after, kBacklog + 1);
  if (!backlog.ok()) return ErrorResponse(500, "store error: " + backlog.status().message());
  const bool gap = !backlog->empty() && backlog->front().seq > after + 1;  // pruned past what it saw
  if (gap || backlog->size() > kBacklog) {
    Result<int64_t> latest = store_.LatestChange();
    if (!latest.ok()) return ErrorResponse(500, "store error: " + latest.status().message());
    r.body += "event: reset\ndata: {}\n\n";
    r.stream_after = *latest;
    return r;
  }
  r.stream_after = after;
  for (const store::Change& c : *backlog) {
    r.body += SseEvent(c);
    r.stream_after = c.seq;
  }
  return r;
}

}  // namespace corroborate::serve
