#include "tests/connectors/http/scripted_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <memory>
#include <optional>
#include <stdexcept>

#include "tests/connectors/http/server_stream.hpp"

namespace kaution::test {

namespace {

std::string head(int status, std::size_t length,
                 const std::vector<std::pair<std::string, std::string>>& headers) {
  std::string out = "HTTP/1.1 " + std::to_string(status) + (status < 300 ? " OK" : " Scripted") +
                    "\r\nContent-Length: " + std::to_string(length) + "\r\n";
  for (const auto& [name, value] : headers)
    out += name + ": " + value + "\r\n";
  return out + "\r\n";
}

// Splits the first complete request off `buffer` (Content-Length bodies only).
std::optional<RecordedRequest> take_request(std::string& buffer) {
  const std::size_t end = buffer.find("\r\n\r\n");
  if (end == std::string::npos) return std::nullopt;
  RecordedRequest request;
  std::size_t line_end = buffer.find("\r\n");
  const std::string line = buffer.substr(0, line_end);
  const std::size_t sp1 = line.find(' ');
  const std::size_t sp2 = line.find(' ', sp1 + 1);
  request.method = line.substr(0, sp1);
  request.target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  std::size_t length = 0;
  for (std::size_t at = line_end + 2; at < end; at = line_end + 2) {
    line_end = buffer.find("\r\n", at);
    const std::string field = buffer.substr(at, line_end - at);
    const std::size_t colon = field.find(':');
    std::string value = field.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    if (httpclient::iequals(field.substr(0, colon), "Content-Length")) length = std::stoul(value);
    request.headers.add(field.substr(0, colon), std::move(value));
  }
  if (buffer.size() < end + 4 + length) return std::nullopt;
  request.body = buffer.substr(end + 4, length);
  buffer.erase(0, end + 4 + length);
  return request;
}

int listen_on_loopback(std::uint16_t& port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t size = sizeof address;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), size) != 0 ||
      ::listen(fd, 64) != 0 || ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0)
    throw std::runtime_error("ScriptedServer: cannot listen on 127.0.0.1");
  port = ntohs(address.sin_port);
  return fd;
}

Handler scripted(std::vector<Action> script) {
  struct State {
    std::mutex mutex;
    std::vector<Action> script;
    std::size_t next = 0;
  };
  auto state = std::make_shared<State>();
  state->script = std::move(script);
  return [state](const RecordedRequest&) {
    std::lock_guard lock(state->mutex);
    if (state->next >= state->script.size()) return Action::reply(500, "script exhausted");
    return state->script[state->next++];
  };
}

}  // namespace

Action Action::reply(int status, std::string body,
                     std::vector<std::pair<std::string, std::string>> headers) {
  return Action{head(status, body.size(), headers) + body, Then::keep_open, {}};
}

Action Action::reset_mid_body(std::size_t promised, std::size_t sent) {
  return Action{head(200, promised, {}) + std::string(sent, 'x'), Then::reset, {}};
}

Action Action::truncated_body(std::size_t promised, std::size_t sent) {
  return Action{head(200, promised, {}) + std::string(sent, 'x'), Then::close, {}};
}

Action Action::hang() {
  return Action{"", Then::hang, {}};
}

ScriptedServer::ScriptedServer(Handler handler, SSL_CTX* tls)
    : m_handler(std::move(handler)), m_tls(tls) {
  std::signal(SIGPIPE, SIG_IGN);  // OpenSSL writes with write(2)
  if (m_tls != nullptr) SSL_CTX_up_ref(m_tls);
  m_listener = listen_on_loopback(m_port);
  m_acceptor = std::thread([this] { accept_loop(); });
}

ScriptedServer::ScriptedServer(std::vector<Action> script, SSL_CTX* tls)
    : ScriptedServer(scripted(std::move(script)), tls) {}

ScriptedServer::~ScriptedServer() {
  m_stop = true;
  m_acceptor.join();
  for (std::thread& worker : m_workers)
    worker.join();
  ::close(m_listener);
  if (m_tls != nullptr) SSL_CTX_free(m_tls);
}

std::string ScriptedServer::base_url() const {
  return std::string(m_tls != nullptr ? "https" : "http") +
         "://127.0.0.1:" + std::to_string(m_port);
}

std::vector<RecordedRequest> ScriptedServer::requests() const {
  std::lock_guard lock(m_mutex);
  return m_requests;
}

void ScriptedServer::accept_loop() {
  while (!m_stop) {
    pollfd waiting{m_listener, POLLIN, 0};
    if (::poll(&waiting, 1, 20) <= 0) continue;
    const int fd = ::accept4(m_listener, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    const int connection = ++m_connections;
    m_workers.emplace_back([this, fd, connection] { serve(fd, connection); });
  }
}

void ScriptedServer::serve(int fd, int connection) {
  auto stream = accept_stream(fd, m_tls, m_stop);
  if (!stream) return;
  std::string buffer;
  while (!m_stop) {
    auto request = take_request(buffer);
    if (!request) {
      if (!stream->read_some(buffer, m_stop)) return;
      continue;
    }
    request->connection = connection;
    request->client_cert_cn = stream->peer_common_name();
    if (!handle(*stream, std::move(*request))) return;
  }
}

// False when the connection is finished.
bool ScriptedServer::handle(ServerStream& stream, RecordedRequest request) {
  const int active = ++m_active;
  for (int seen = m_max_concurrent;
       active > seen && !m_max_concurrent.compare_exchange_weak(seen, active);) {
  }
  {
    std::lock_guard lock(m_mutex);
    m_requests.push_back(request);
  }
  const Action action = m_handler(request);
  pause(action.delay);
  const bool written = stream.write_all(action.bytes);
  --m_active;
  switch (action.then) {
    case Action::Then::keep_open:
      return written;
    case Action::Then::close:
      stream.close();
      return false;
    case Action::Then::reset:
      stream.reset();
      return false;
    case Action::Then::hang:
      while (!m_stop)
        pause(std::chrono::milliseconds{20});
      return false;
  }
  return false;
}

void ScriptedServer::pause(std::chrono::milliseconds d) const {
  const auto until = std::chrono::steady_clock::now() + d;
  while (!m_stop && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds{5});
}

}  // namespace kaution::test
