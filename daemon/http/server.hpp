#pragma once
// HttpServer: the daemon's API transport. Listens on a Unix socket (ledger-api.md: the default
// and usually the only listener) and optionally on TCP — with TLS, or plain only with
// `insecure_loopback` on a loopback address. Routes requests through a Router after bearer-token
// authentication; answers errors as problem+json. Construction starts serving; stop() or the
// destructor ends it gracefully.

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "daemon/http/auth.hpp"
#include "daemon/http/dispatcher.hpp"
#include "daemon/http/router.hpp"

namespace kaution::http {

inline constexpr std::size_t k_default_max_body_bytes = 10 * 1024 * 1024;

struct TcpOptions {
  std::string address = "127.0.0.1";  // numeric IPv4 or IPv6
  std::uint16_t port = 0;             // 0: an ephemeral port, see HttpServer::tcp_port()
  std::optional<std::filesystem::path> tls_cert;  // PEM; both or neither
  std::optional<std::filesystem::path> tls_key;
  bool insecure_loopback = false;  // plain HTTP, allowed only on a loopback address
};

struct ServerOptions {
  std::filesystem::path socket;  // empty: no Unix socket (then `tcp` is required)
  mode_t socket_mode = 0660;
  std::optional<std::string> socket_group;
  std::optional<TcpOptions> tcp;
  std::size_t max_body_bytes = k_default_max_body_bytes;
  ReadinessCheck readiness;        // for GET /readyz; empty: always ready
  unsigned connection_limit = 64;  // per listener; each connection has a thread
  std::chrono::seconds idle_timeout{60};
  std::chrono::milliseconds stop_grace{10000};  // what the destructor gives requests in flight
  // Handlers of public (`Role::none`) routes see the Authorization header, for servers that do
  // their own authentication (the sandbox banks). Off for the daemon's API.
  bool public_authorization = false;
  // PEM CA certificate(s) for the TCP listener's TLS: every request must come with a client
  // certificate that verifies against them, or it is answered 403 before routing (mutual TLS).
  std::optional<std::filesystem::path> tls_client_ca;
};

class ServerCore;
class MhdListener;
struct TlsMaterial;

class HttpServer {
 public:
  // Starts listening. Throws std::runtime_error or std::invalid_argument with the path or address
  // in the message; nothing is left behind then (no socket file, no thread).
  HttpServer(ServerOptions options, Router router, const std::vector<ApiToken>& tokens);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Stops accepting (the socket file goes at once), lets requests in flight finish for up to
  // `grace`, then closes every connection. A handler still running past `grace` delays the return
  // until it returns. Idempotent.
  void stop(std::chrono::milliseconds grace);
  // Replaces the token set for every following request (SIGHUP / API reload); thread-safe.
  // Throws std::invalid_argument as Authenticator does, keeping the old set.
  void replace_tokens(const std::vector<ApiToken>& tokens);

  // The bound TCP port; nullopt without a TCP listener.
  std::optional<std::uint16_t> tcp_port() const { return m_tcp_port; }
  const std::filesystem::path& socket_path() const { return m_options.socket; }

 private:
  void start_unix();
  void start_tcp(const TcpOptions& tcp);

  ServerOptions m_options;
  std::unique_ptr<ServerCore> m_core;
  std::unique_ptr<TlsMaterial> m_tls;
  std::optional<std::uint16_t> m_tcp_port;
  std::mutex m_stop_mutex;
  struct Listening;
  std::unique_ptr<Listening> m_listening;  // null once stopped
};

}  // namespace kaution::http
