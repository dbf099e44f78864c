// Opening the listening socket of the server (server.h): resolve, bind, listen, and describe the
// bound address. Tested in server_test.cc.
//
//   Result<Listener> l = Listen("127.0.0.1", 0);   // l->port: the port the system chose
#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"

namespace corroborate::http {

struct Listener {
  int fd = -1;           // non-blocking, close-on-exec; the caller owns it
  std::string host;      // the bound address as text, IPv6 in brackets: "127.0.0.1", "[::1]"
  uint16_t port = 0;
  bool loopback = false; // 127.0.0.0/8 or ::1 (or ::ffff:127.x.x.x)
};

// `host` is a numeric address or a name; the first of its addresses that can be bound is used.
Result<Listener> Listen(const std::string& host, uint16_t port);

}  // namespace corroborate::http
