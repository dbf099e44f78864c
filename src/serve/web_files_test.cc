// Tests for the embedded web page's lookup: what exists is served with its type, nothing else is.
#include <gtest/gtest.h>

#include "serve/api_router.h"
#include "serve/embedded_web.h"

namespace corroborate::serve {
namespace {

TEST(WebFiles, RootIsIndexHtmlWhenItWasEmbedded) {
  http::Response r = WebFileResponse("/");
  if (EmbeddedWebFile("index.html").empty()) {
    EXPECT_EQ(r.status, 404);  // web/ absent or without index.html at build time
    EXPECT_EQ(r.content_type, "application/json");
  } else {
    EXPECT_EQ(r.status, 200);
    EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
    EXPECT_EQ(r.body, EmbeddedWebFile("index.html"));
  }
}

TEST(WebFiles, NoPathReachesBeyondTheEmbeddedNames) {
  for (const char* path : {"/nothing.js", "/../CMakeLists.txt", "/web/index.html", "/./index.html", "//index.html"}) {
    http::Response r = WebFileResponse(path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_NE(r.body.find("\"status\":404"), std::string::npos) << path;
  }
}

}  // namespace
}  // namespace corroborate::serve
