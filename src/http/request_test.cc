// Tests for the request parser, query strings and responses: framing, limits and the error body.
#include <gtest/gtest.h>

#include <random>

#include "http/request.h"
#include "http/response.h"
#include "http/url.h"

namespace corroborate::http {
namespace {

TEST(RequestParser, ReadsRequestArrivingByteByByte) {
  RequestParser p(RequestLimits{});
  std::string wire = "POST /api/articles?x=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello";
  for (char c : wire) {
    EXPECT_NE(p.state(), ParseState::kComplete);
    p.Feed(std::string_view(&c, 1));
  }
  ASSERT_EQ(p.state(), ParseState::kComplete);
  EXPECT_EQ(p.request().method, "POST");
  EXPECT_EQ(p.request().path, "/api/articles");
  EXPECT_EQ(p.request().query, "x=1");
  EXPECT_EQ(p.request().Header("host"), "a");
  EXPECT_EQ(p.request().body, "hello");
  EXPECT_TRUE(p.request().KeepAlive());
}

TEST(RequestParser, KeepsPipelinedRequestForReset) {
  RequestParser p(RequestLimits{});
  p.Feed("GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.0\r\n\r\n");
  ASSERT_EQ(p.state(), ParseState::kComplete);
  EXPECT_EQ(p.request().path, "/a");
  p.Reset();
  ASSERT_EQ(p.state(), ParseState::kComplete);
  EXPECT_EQ(p.request().path, "/b");
  EXPECT_FALSE(p.request().KeepAlive());  // HTTP/1.0 without keep-alive
  p.Reset();
  EXPECT_EQ(p.state(), ParseState::kHeaders);
  EXPECT_FALSE(p.started());
}

TEST(RequestParser, RefusesOversizedHeadersWith431) {
  RequestParser p(RequestLimits{.max_header_bytes = 64, .max_body_bytes = 10});
  p.Feed("GET / HTTP/1.1\r\nX-Long: " + std::string(100, 'a'));
  EXPECT_EQ(p.state(), ParseState::kError);
  EXPECT_EQ(p.error_status(), 431);
}

TEST(RequestParser, RefusesOversizedBodyWith413BeforeItArrives) {
  RequestParser p(RequestLimits{.max_header_bytes = 1024, .max_body_bytes = 10});
  p.Feed("POST / HTTP/1.1\r\nContent-Length: 11\r\n\r\n");
  EXPECT_EQ(p.state(), ParseState::kError);
  EXPECT_EQ(p.error_status(), 413);
}

TEST(RequestParser, RefusesAmbiguousFraming) {
  for (std::string wire : {"POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n",
                           "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
                           "POST / HTTP/1.1\r\nContent-Length : 1\r\n\r\n",
                           "GET / HTTP/2.0\r\n\r\n", "GET http://x/ HTTP/1.1\r\n\r\n", "GET /%zz HTTP/1.1\r\n\r\n"}) {
    RequestParser p(RequestLimits{});
    p.Feed(wire);
    EXPECT_EQ(p.state(), ParseState::kError) << wire;
    EXPECT_EQ(p.error_status(), 400) << wire;
  }
  RequestParser chunked(RequestLimits{});
  chunked.Feed("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n");
  EXPECT_EQ(chunked.error_status(), 411);
}

TEST(RequestParser, NotesExpectContinue) {
  RequestParser p(RequestLimits{});
  p.Feed("POST / HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
  EXPECT_EQ(p.state(), ParseState::kBody);
  EXPECT_TRUE(p.expects_continue());
}

// Whatever the bytes, and however they are split into reads, the parser ends in the same state with
// the same request: mutated requests fed whole and fed in random pieces must agree.
TEST(RequestParser, SplittingNeverChangesTheOutcome) {
  const std::string valid = "POST /api/x?a=1 HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\nbody";
  const std::string alphabet = "\r\n :%/?0123456789aZ\x00\xff-";
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    std::string wire = valid;
    int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      size_t at = rng() % wire.size();
      char c = alphabet[rng() % alphabet.size()];
      switch (rng() % 3) {
        case 0: wire[at] = c; break;
        case 1: wire.insert(wire.begin() + static_cast<long>(at), c); break;
        default: wire.erase(at, 1); break;
      }
    }
    RequestLimits limits{.max_header_bytes = 96, .max_body_bytes = 8};
    RequestParser whole(limits), pieces(limits);
    whole.Feed(wire);
    for (size_t i = 0; i < wire.size();) {
      size_t n = 1 + rng() % 7;
      pieces.Feed(std::string_view(wire).substr(i, n));
      i += n;
    }
    ASSERT_EQ(whole.state(), pieces.state()) << wire;
    EXPECT_EQ(whole.error_status(), pieces.error_status()) << wire;
    if (whole.state() == ParseState::kComplete) {
      EXPECT_EQ(whole.request().target, pieces.request().target);
      EXPECT_EQ(whole.request().headers, pieces.request().headers);
      EXPECT_EQ(whole.request().body, pieces.request().body);
      EXPECT_LE(whole.request().body.size(), limits.max_body_bytes);
    }
  }
}

TEST(Url, DecodesQueries) {
  QueryParams q = ParseQuery("entity=Acme%20Corp&q=a+b&empty=&bad=%4&page=2");
  EXPECT_EQ(QueryValue(q, "entity"), "Acme Corp");
  EXPECT_EQ(QueryValue(q, "q"), "a b");
  EXPECT_EQ(QueryValue(q, "empty"), "");
  EXPECT_EQ(QueryValue(q, "bad"), "");  // malformed escape: the pair is dropped
  EXPECT_EQ(QueryValue(q, "page"), "2");
  EXPECT_FALSE(PercentDecode("%", false).has_value());
  EXPECT_EQ(*PercentDecode("a+b%2F", false), "a+b/");
}

TEST(Response, ErrorsAreJsonWithSecurityHeaders) {
  std::string wire = Serialize(ErrorResponse(404, "no \"x\""), true, false);
  EXPECT_EQ(wire.rfind("HTTP/1.1 404 Not Found\r\n", 0), 0u);
  EXPECT_NE(wire.find("Content-Type: application/json\r\n"), std::string::npos);
  EXPECT_NE(wire.find("X-Content-Type-Options: nosniff\r\n"), std::string::npos);
  EXPECT_NE(wire.find("Referrer-Policy: no-referrer\r\n"), std::string::npos);
  EXPECT_NE(wire.find("Content-Security-Policy: default-src 'self'; script-src 'self'"), std::string::npos);
  std::string body = R"({"error":{"status":404,"message":"no \"x\""}})";
  EXPECT_NE(wire.find("Content-Length: " + std::to_string(body.size()) + "\r\n"), std::string::npos);
  EXPECT_EQ(wire.substr(wire.size() - body.size()), body);
}

TEST(Response, ConstantTimeEqualsComparesWholeStrings) {
  EXPECT_TRUE(ConstantTimeEquals("secret", "secret"));
  EXPECT_FALSE(ConstantTimeEquals("secret", "secreT"));
  EXPECT_FALSE(ConstantTimeEquals("secret", "secret2"));
  EXPECT_FALSE(ConstantTimeEquals("", "x"));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
}

}  // namespace
}  // namespace corroborate::http
