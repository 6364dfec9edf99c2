#pragma once
// Test support: an HttpServer on a temporary Unix socket with a set of example routes shaped
// like ledger-api.md's, and a client for it.

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include "daemon/http/server.hpp"
#include "tests/daemon/http/http_client.hpp"
#include "tests/support/process.hpp"

namespace kaution::test {

inline const std::string k_ledger_token = "ledger-secret-0123456789abcdef";
inline const std::string k_support_token = "support-secret-0123456789abcdef";
inline const std::string k_operator_token = "operator-secret-0123456789abcdef";

std::vector<http::ApiToken> example_tokens();

// A handler that reports when it has started and then waits until released (bounded).
struct SlowGate {
  std::promise<void> entered;
  std::promise<void> release_promise;  // before `release`, which is made from it
  std::shared_future<void> release;
  SlowGate() : release(release_promise.get_future().share()) {}
};

// The example routes; `gate` serves GET /api/v1/slow.
http::Router example_router(std::shared_ptr<SlowGate> gate);

class ServerFixture {
 public:
  // Without a socket path in `options`, the socket is api.sock in a fresh temp directory.
  explicit ServerFixture(http::ServerOptions options = {});
  HttpClient client() const { return HttpClient::over_unix_socket(m_socket); }
  http::HttpServer& server() { return *m_server; }
  const std::filesystem::path& socket() const { return m_socket; }
  std::shared_ptr<SlowGate> gate() const { return m_gate; }

 private:
  TempDir m_dir;
  std::filesystem::path m_socket;
  std::shared_ptr<SlowGate> m_gate = std::make_shared<SlowGate>();
  std::unique_ptr<http::HttpServer> m_server;
};

}  // namespace kaution::test
