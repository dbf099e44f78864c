// The embedded web page (api_router.h, embedded_web.h): a file by name, with the content type its
// extension says. Only names without '/' exist, so no path can reach outside web/.
#include <string>

#include "serve/api_router.h"
#include "serve/embedded_web.h"

namespace corroborate::serve {
namespace {

std::string_view ContentType(std::string_view name) {
  auto ends_with = [&](std::string_view ext) { return name.size() >= ext.size() && name.substr(name.size() - ext.size()) == ext; };
  if (ends_with(".html")) return "text/html; charset=utf-8";
  if (ends_with(".js")) return "text/javascript; charset=utf-8";
  if (ends_with(".css")) return "text/css; charset=utf-8";
  if (ends_with(".json")) return "application/json";
  if (ends_with(".svg")) return "image/svg+xml";
  if (ends_with(".png")) return "image/png";
  if (ends_with(".ico")) return "image/x-icon";
  if (ends_with(".txt")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

}  // namespace

http::Response WebFileResponse(std::string_view path) {
  std::string_view name = path == "/" ? std::string_view("index.html") : path.substr(1);
  std::string_view content = name.find('/') == std::string_view::npos ? EmbeddedWebFile(name) : std::string_view();
  if (content.empty()) {
    return http::ErrorResponse(404, path == "/" ? "the web page is not built into this binary (web/index.html was absent)"
                                                : "no such file: " + std::string(path));
  }
  http::Response r;
  r.content_type = std::string(ContentType(name));
  r.body = std::string(content);
  r.headers.emplace_back("Cache-Control", "no-cache");
  return r;
}

}  // namespace corroborate::serve
