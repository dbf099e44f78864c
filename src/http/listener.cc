// Opening the listening socket (listener.h).
#include "http/listener.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace corroborate::http {
namespace {

// The kernel's queue of connections not yet accepted; a burst of a few thousand clients fits.
constexpr int kBacklog = 4096;

bool IsLoopback(const sockaddr_storage& addr) {
  if (addr.ss_family == AF_INET) {
    const auto& in = reinterpret_cast<const sockaddr_in&>(addr);
    return (ntohl(in.sin_addr.s_addr) >> 24) == 127;
  }
  if (addr.ss_family == AF_INET6) {
    const auto& in6 = reinterpret_cast<const sockaddr_in6&>(addr);
    if (IN6_IS_ADDR_LOOPBACK(&in6.sin6_addr)) return true;
    if (IN6_IS_ADDR_V4MAPPED(&in6.sin6_addr)) return in6.sin6_addr.s6_addr[12] == 127;
  }
  return false;
}

}  // namespace

Result<Listener> Listen(const std::string& host, uint16_t port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  std::string port_text = std::to_string(port);
  if (int rc = getaddrinfo(host.c_str(), port_text.c_str(), &hints, &found); rc != 0) {
    return InvalidInput("cannot resolve listen address " + host + ": " + gai_strerror(rc));
  }
  Listener listener;
  std::string last_error = "no address";
  for (addrinfo* ai = found; ai != nullptr && listener.fd < 0; ai = ai->ai_next) {
    int fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, ai->ai_protocol);
    if (fd < 0) continue;
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(fd, ai->ai_addr, ai->ai_addrlen) == 0 && listen(fd, kBacklog) == 0) {
      listener.fd = fd;
    } else {
      last_error = std::strerror(errno);
      ::close(fd);
    }
  }
  freeaddrinfo(found);
  if (listener.fd < 0) return IoError("cannot listen on " + host + ":" + port_text + ": " + last_error);

  sockaddr_storage bound{};
  socklen_t len = sizeof bound;
  getsockname(listener.fd, reinterpret_cast<sockaddr*>(&bound), &len);
  char text[INET6_ADDRSTRLEN] = "";
  if (bound.ss_family == AF_INET6) {
    const auto& in6 = reinterpret_cast<const sockaddr_in6&>(bound);
    inet_ntop(AF_INET6, &in6.sin6_addr, text, sizeof text);
    listener.port = ntohs(in6.sin6_port);
    listener.host = std::string("[") + text + "]";
  } else {
    const auto& in = reinterpret_cast<const sockaddr_in&>(bound);
    inet_ntop(AF_INET, &in.sin_addr, text, sizeof text);
    listener.port = ntohs(in.sin_port);
    listener.host = text;
  }
  listener.loopback = IsLoopback(bound);
  return listener;
}

}  // namespace corroborate::http
