#pragma once
// Test support: ScriptedServer, a tiny HTTP/1.1 server on an ephemeral loopback port
// (127.0.0.1:0), plain or TLS, that answers each request with what a handler (or a fixed
// script) says — including broken answers: resets, truncated bodies, silence. It records every
// request, and stops itself (closing every connection) when destroyed.

#include <openssl/ssl.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "connectors/http/headers.hpp"

namespace kaution::test {

struct RecordedRequest {
  std::string method;
  std::string target;  // path and query as sent
  httpclient::Headers headers;
  std::string body;
  int connection = 0;          // 1 for the first accepted connection, …
  std::string client_cert_cn;  // TLS: the client certificate's CN, if one was presented
};

// What the server does with one request.
struct Action {
  enum class Then { keep_open, close, reset, hang };
  std::string bytes;                   // written first (a response, or part of one)
  Then then = Then::keep_open;         // and afterwards
  std::chrono::milliseconds delay{0};  // before writing

  // A complete response with Content-Length.
  static Action reply(int status, std::string body = "",
                      std::vector<std::pair<std::string, std::string>> headers = {});
  // Headers promising `promised` body bytes, then `sent` of them and a TCP reset.
  static Action reset_mid_body(std::size_t promised, std::size_t sent);
  // Headers promising `promised` body bytes, then `sent` of them and an orderly close.
  static Action truncated_body(std::size_t promised, std::size_t sent);
  // Reads the request and never answers.
  static Action hang();
};

using Handler = std::function<Action(const RecordedRequest&)>;

class ScriptedServer {
 public:
  // `tls` null: plain HTTP; else the server context (the server takes a reference).
  explicit ScriptedServer(Handler handler, SSL_CTX* tls = nullptr);
  // Answers the requests in turn with `script`, then with 500 "script exhausted".
  explicit ScriptedServer(std::vector<Action> script, SSL_CTX* tls = nullptr);
  ~ScriptedServer();
  ScriptedServer(const ScriptedServer&) = delete;
  ScriptedServer& operator=(const ScriptedServer&) = delete;

  std::uint16_t port() const { return m_port; }
  std::string base_url() const;  // "http://127.0.0.1:<port>" or "https://…"
  std::vector<RecordedRequest> requests() const;
  int connections() const { return m_connections; }
  int max_concurrent() const { return m_max_concurrent; }  // requests handled at once

 private:
  void accept_loop();
  void serve(int fd, int connection);
  bool handle(class ServerStream& stream, RecordedRequest request);
  void pause(std::chrono::milliseconds d) const;

  Handler m_handler;
  SSL_CTX* m_tls;
  int m_listener = -1;
  std::uint16_t m_port = 0;
  std::atomic<bool> m_stop{false};
  std::atomic<int> m_connections{0};
  std::atomic<int> m_active{0};
  std::atomic<int> m_max_concurrent{0};
  mutable std::mutex m_mutex;
  std::vector<RecordedRequest> m_requests;
  std::vector<std::thread> m_workers;
  std::thread m_acceptor;
};

}  // namespace kaution::test
