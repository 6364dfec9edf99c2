#pragma once
// Test support: the real programs on loopback — kautiond-sandbox on ephemeral ports with its
// PKI in a temp directory, kautiond with a config for (some of) its three banks, kautionctl
// against the daemon's socket, sqlite3 on the store. Every secret and token is a fresh canary
// (unique per stack), handed over in the environment only.

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tests/connectors/sandbox/client.hpp"
#include "tests/support/process.hpp"

namespace kaution::test {

struct StackOptions {
  std::size_t size = 12;                                                 // deposits per bank
  std::vector<std::string> accesses{"aak-main", "km-main", "dkb-main"};  // also km-wrong
  std::vector<std::string> sandbox_args;                                 // e.g. --fault 'km={…}'
};

// Options without designated initialisers (-Wmissing-field-initializers).
inline StackOptions stack_options(std::size_t size, std::vector<std::string> accesses,
                                  std::vector<std::string> sandbox_args = {}) {
  StackOptions o;
  o.size = size;
  o.accesses = std::move(accesses);
  o.sandbox_args = std::move(sandbox_args);
  return o;
}

class ServiceStack {
 public:
  explicit ServiceStack(StackOptions options = {});
  ~ServiceStack();

  // Starts the sandbox and waits for its ports.
  void start_sandbox();
  std::uint16_t port(const std::string& bank) const;  // "aak", "km", "dkb"
  // A control call on one bank's port (`body` JSON text).
  Reply control(const std::string& bank, const std::string& method, const std::string& target,
                const std::string& body = {}) const;

  // (Re)writes the config for `accesses` (names as in StackOptions::accesses).
  std::filesystem::path write_config(const std::vector<std::string>& accesses);
  // Starts kautiond with the config and waits for READY; `false` and the output when it fails.
  void start_daemon(const std::vector<std::string>& extra_args = {});
  Child& daemon() { return *m_daemon; }
  // SIGTERM and the exit code; the daemon's output is kept in logs().
  int stop_daemon();
  // Everything the daemons of this stack wrote (stdout and stderr), runs before and now.
  std::string logs() const;

  // kautionctl --config … ARGS, with the tokens in the environment.
  RunResult ctl(const std::vector<std::string>& args) const;
  // The portfolio lines of `accesses` as an NDJSON file; its path.
  std::filesystem::path portfolio(const std::vector<std::string>& accesses) const;
  // sqlite3 on the store: the output of `sql`.
  std::string sql(const std::string& sql) const;

  // Every canary value (secrets and tokens) with a name for messages.
  const std::map<std::string, std::string>& canaries() const { return m_canaries; }
  // The daemon's environment: the canaries under the config's variable names.
  std::map<std::string, std::string> daemon_env() const;
  const TempDir& dir() const { return m_dir; }
  std::filesystem::path store_path() const { return m_dir.path() / "kautiond.db"; }
  std::filesystem::path config_path() const { return m_dir.path() / "kautiond.json"; }

 private:
  std::string access_json(const std::string& name) const;

  StackOptions m_options;
  TempDir m_dir;
  std::map<std::string, std::string> m_canaries;
  std::unique_ptr<Child> m_sandbox;
  std::map<std::string, std::uint16_t> m_ports;
  std::unique_ptr<Child> m_daemon;
  std::string m_earlier_logs;
};

// Waits (bounded) until `predicate()` holds; false after `timeout`.
template <class Predicate>
bool eventually(Predicate predicate, std::chrono::milliseconds timeout);

// Counts the occurrences of `needle` in `text`.
std::size_t count(const std::string& text, const std::string& needle);
std::string sandbox_binary();

}  // namespace kaution::test

#include <thread>

namespace kaution::test {

template <class Predicate>
bool eventually(Predicate predicate, std::chrono::milliseconds timeout) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < until) {
    if (predicate()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds{100});
  }
  return predicate();
}

}  // namespace kaution::test
