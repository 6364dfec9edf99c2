#include "daemon/http/server.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "daemon/http/listen_socket.hpp"
#include "daemon/http/mhd_listener.hpp"
#include "daemon/http/server_core.hpp"

namespace kaution::http {

// Members in this order so that destruction stops MHD before the socket file goes.
struct HttpServer::Listening {
  SocketFile socket_file;
  std::vector<std::unique_ptr<MhdListener>> listeners;
};

namespace {

std::string read_pem(const std::filesystem::path& path, const char* what) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (!in || !(text << in.rdbuf())) {
    throw std::runtime_error("cannot read the API TLS " + std::string(what) + " " + path.string());
  }
  return text.str();
}

// TLS material when configured; nullptr for plain HTTP, which needs insecure_loopback.
std::unique_ptr<TlsMaterial> tls_for(const TcpOptions& tcp,
                                     const std::optional<std::filesystem::path>& client_ca) {
  if (tcp.tls_cert.has_value() != tcp.tls_key.has_value()) {
    throw std::invalid_argument("API TCP listener: tls_cert and tls_key go together");
  }
  if (client_ca && !tcp.tls_cert) {
    throw std::invalid_argument("API TCP listener: tls_client_ca needs tls_cert and tls_key");
  }
  if (tcp.tls_cert) {
    return std::make_unique<TlsMaterial>(
        TlsMaterial{read_pem(*tcp.tls_cert, "certificate"), read_pem(*tcp.tls_key, "key"),
                    client_ca ? read_pem(*client_ca, "client CA") : std::string()});
  }
  if (!tcp.insecure_loopback || !is_loopback(tcp.address)) {
    throw std::invalid_argument("API TCP listener on " + tcp.address +
                                ": needs tls_cert and tls_key, or insecure_loopback on a "
                                "loopback address");
  }
  return nullptr;
}

ListenerSettings settings_for(const ServerOptions& options, std::string name) {
  ListenerSettings settings;
  settings.name = std::move(name);
  settings.connection_limit = options.connection_limit;
  settings.idle_timeout_seconds = static_cast<unsigned>(options.idle_timeout.count());
  return settings;
}

}  // namespace

HttpServer::HttpServer(ServerOptions options, Router router, const std::vector<ApiToken>& tokens)
    : m_options(std::move(options)),
      m_core(std::make_unique<ServerCore>(std::move(router), tokens, m_options.max_body_bytes,
                                          m_options.readiness, m_options.public_authorization)),
      m_listening(std::make_unique<Listening>()) {
  if (m_options.socket.empty() && !m_options.tcp) {
    throw std::invalid_argument("the API needs a Unix socket or a TCP listener");
  }
  if (!m_options.socket.empty()) start_unix();
  if (m_options.tcp) start_tcp(*m_options.tcp);
}

HttpServer::~HttpServer() {
  stop(m_options.stop_grace);
}

void HttpServer::start_unix() {
  UnixListener unix_listener =
      listen_unix(m_options.socket, m_options.socket_mode, m_options.socket_group);
  m_listening->socket_file = std::move(unix_listener.file);
  m_listening->listeners.push_back(
      std::make_unique<MhdListener>(std::move(unix_listener.fd), *m_core,
                                    settings_for(m_options, "unix:" + m_options.socket.string())));
}

void HttpServer::start_tcp(const TcpOptions& tcp) {
  m_tls = tls_for(tcp, m_options.tls_client_ca);
  TcpListener tcp_listener = listen_tcp(tcp.address, tcp.port);
  ListenerSettings settings =
      settings_for(m_options, "tcp:" + tcp.address + ":" + std::to_string(tcp_listener.port));
  settings.ipv6 = tcp_listener.ipv6;
  settings.tls = m_tls.get();
  m_listening->listeners.push_back(
      std::make_unique<MhdListener>(std::move(tcp_listener.fd), *m_core, settings));
  m_tcp_port = tcp_listener.port;
}

void HttpServer::stop(std::chrono::milliseconds grace) {
  const std::lock_guard lock(m_stop_mutex);
  if (!m_listening) return;
  m_core->start_draining();
  for (const auto& listener : m_listening->listeners)
    listener->quiesce();
  m_listening->socket_file.remove();  // new clients fail at once instead of waiting
  m_core->wait_idle(grace);
  m_listening.reset();
}

void HttpServer::replace_tokens(const std::vector<ApiToken>& tokens) {
  m_core->dispatcher().replace_tokens(tokens);
}

}  // namespace kaution::http
