#pragma once
// ApiServer: the daemon's HTTP API — the endpoints of routes.hpp on an http::HttpServer whose
// listeners, body limit and tokens come from the config's `api` section. Construction starts
// serving; stop() (or the destructor) ends it gracefully.

#include <chrono>
#include <memory>
#include <vector>

#include "config/config.hpp"
#include "daemon/api/context.hpp"
#include "daemon/http/server.hpp"

namespace kaution::api {

// The config's tokens (secrets resolved) as the HTTP layer takes them.
std::vector<http::ApiToken> http_tokens(const ApiConfig& api);
// Unix socket with mode and group, TCP when configured, the body limit.
http::ServerOptions server_options(const ApiConfig& api);

class ApiServer {
 public:
  // Throws (std::runtime_error, std::invalid_argument) naming the socket, address or token when
  // the server cannot start; nothing is left listening then.
  ApiServer(const Config& config, StoreAccess& store, const Clock& clock, ApiHooks hooks,
            http::ReadinessCheck readiness);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  // A reloaded config: new tokens and settings for every following request. Listeners and the
  // body limit stay as they are until a restart. Throws std::invalid_argument for a token set
  // the HTTP layer refuses; the old tokens and settings stay in force then.
  void apply(const Config& config);
  // Stops accepting, lets requests in flight finish for up to `grace`. Idempotent.
  void stop(std::chrono::milliseconds grace);

 private:
  ApiContext m_context;
  std::unique_ptr<http::HttpServer> m_server;
};

}  // namespace kaution::api
