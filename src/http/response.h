// An HTTP response, how it is written on the wire, and the JSON error body every error shares.
// Tested in response_test.cc.
//
//   Response r = JsonResponse(200, "{\"ok\":true}");
//   Response e = ErrorResponse(404, "no story with id 7");   // {"error":{"status":404,"message":"..."}}
//   std::string wire = Serialize(r, /*keep_alive=*/true, /*head_only=*/false);
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace corroborate::http {

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // besides the ones Serialize adds
  // A long-lived stream (Server-Sent Events): the head carries no length, `body` is its start, and
  // the connection stays open, receiving every message Server::Publish sends numbered above
  // `stream_after`, until the client leaves or reads too slowly.
  bool stream = false;
  int64_t stream_after = 0;
};

Response JsonResponse(int status, std::string body);
Response ErrorResponse(int status, std::string_view message);

// "Not Found" for 404; "Unknown" for a code this server never sends.
std::string_view ReasonPhrase(int status);

// The status line, headers (Content-Type, Content-Length, Connection, the security headers) and body.
std::string Serialize(const Response& response, bool keep_alive, bool head_only);

// Equal strings, in time that depends only on their lengths (for comparing secrets).
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace corroborate::http
