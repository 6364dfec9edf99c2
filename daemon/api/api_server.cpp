#include "daemon/api/api_server.hpp"

#include <spdlog/spdlog.h>

#include "daemon/api/routes.hpp"

namespace kaution::api {
namespace {

http::Role role_of(TokenRole role) {
  switch (role) {
    case TokenRole::ledger:
      return http::Role::ledger;
    case TokenRole::support:
      return http::Role::support;
    case TokenRole::operator_:
      return http::Role::operator_;
  }
  return http::Role::operator_;
}

}  // namespace

std::vector<http::ApiToken> http_tokens(const ApiConfig& api) {
  std::vector<http::ApiToken> tokens;
  for (const ApiToken& t : api.tokens)
    tokens.push_back({t.name, role_of(t.role), t.token.value.reveal()});
  return tokens;
}

http::ServerOptions server_options(const ApiConfig& api) {
  http::ServerOptions options;
  options.socket = api.socket;
  options.socket_mode = static_cast<mode_t>(api.socket_mode);
  options.socket_group = api.socket_group;
  options.max_body_bytes = static_cast<std::size_t>(api.max_body_bytes);
  if (api.tcp) {
    http::TcpOptions tcp;
    tcp.address = api.tcp->address;
    tcp.port = static_cast<std::uint16_t>(api.tcp->port);
    tcp.tls_cert = api.tcp->tls_cert;
    tcp.tls_key = api.tcp->tls_key;
    tcp.insecure_loopback = api.tcp->insecure_loopback;
    options.tcp = std::move(tcp);
  }
  return options;
}

ApiServer::ApiServer(const Config& config, StoreAccess& store, const Clock& clock, ApiHooks hooks,
                     http::ReadinessCheck readiness)
    : m_context(store, clock, settings_from_config(config), std::move(hooks)) {
  http::ServerOptions options = server_options(config.api);
  options.readiness = std::move(readiness);
  http::Router router = make_router(m_context);
  add_metrics_route(router, m_context, metrics_role(config.api));
  m_server = std::make_unique<http::HttpServer>(std::move(options), std::move(router),
                                                http_tokens(config.api));
  spdlog::info("API_LISTENING socket={}{}", config.api.socket.string(),
               m_server->tcp_port() ? " tcp_port=" + std::to_string(*m_server->tcp_port()) : "");
}

ApiServer::~ApiServer() = default;

void ApiServer::apply(const Config& config) {
  m_server->replace_tokens(http_tokens(config.api));
  m_context.replace_settings(settings_from_config(config));
}

void ApiServer::stop(std::chrono::milliseconds grace) {
  m_server->stop(grace);
}

}  // namespace kaution::api
