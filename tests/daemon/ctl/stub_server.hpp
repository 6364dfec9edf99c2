#pragma once
// Test support: a stand-in for kautiond's API — daemon/http's HttpServer with canned answers
// shaped as in ledger-api.md — on a temporary Unix socket, for running the real kautionctl.

#include <filesystem>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "daemon/http/server.hpp"
#include "tests/support/process.hpp"

namespace kaution::ctl::test {

inline const std::string k_ledger_secret = "ledger-token-0123456789abcdef";
inline const std::string k_support_secret = "support-token-0123456789abcdef";
inline const std::string k_operator_secret = "operator-token-0123456789abcdef";

// The deposit list the stub serves, as it serves it.
extern const std::string k_stub_deposit_list;

class StubDaemon {
 public:
  StubDaemon();
  const std::filesystem::path& socket() const { return m_socket; }
  const std::filesystem::path& dir() const { return m_dir.path(); }
  // The deposits of every batch received, in order.
  std::vector<nlohmann::json> batches() const;

 private:
  http::Router router();

  kaution::test::TempDir m_dir;
  std::filesystem::path m_socket;
  mutable std::mutex m_mutex;
  std::vector<nlohmann::json> m_batches;
  std::unique_ptr<http::HttpServer> m_server;
};

}  // namespace kaution::ctl::test
