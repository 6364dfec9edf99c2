#pragma once
// Test support for the API: a real kautiond on a temporary store and Unix socket with a client
// for it, and a second connection to its store.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "queue/records.hpp"
#include "tests/daemon/api/sample_deposits.hpp"
#include "tests/daemon/http/http_client.hpp"
#include "tests/support/process.hpp"

namespace kaution::test {

inline const std::string k_erp_token = "erp-token-4f1c9a0b7e2d";
inline const std::string k_support_token = "support-token-8b3e5d1a6c0f";
inline const std::string k_monitor_token = "monitor-token-2a7d4e9c1b3f";

struct Reply {
  long status = 0;
  std::string content_type;
  std::string body;
  nlohmann::json json;  // the body parsed, or discarded when it is not JSON
  std::string error;
};

// kautiond --config on a fresh temp dir: store.db, api.sock, tokens erp (ledger), support
// (support), monitor (operator); accesses aak-main (aak) and dkb-main (dkb, one collective IBAN),
// both inactive, so that the sync runtime sends nothing and leaves statuses and history alone.
class Daemon {
 public:
  explicit Daemon(const std::string& extra_config = "");
  ~Daemon();

  // Writes the config again (e.g. before a reload) with other tokens or a broken text.
  void write_config(const std::string& text) const;
  std::string config_text(const std::string& extra_config = "",
                          const std::string& tokens = "") const;
  Reply call(const std::string& method, const std::string& target,
             const std::optional<std::string>& token, const std::optional<std::string>& body = {},
             const std::vector<std::string>& headers = {},
             std::chrono::milliseconds timeout = std::chrono::seconds{60}) const;
  Reply get(const std::string& target, const std::string& token = k_monitor_token) const;
  Reply put_deposit(const nlohmann::json& deposit) const;

  const std::filesystem::path& dir() const { return m_dir.path(); }
  std::filesystem::path store_path() const { return m_dir.path() / "store.db"; }
  std::filesystem::path socket_path() const { return m_dir.path() / "api.sock"; }
  Child& child() { return *m_child; }
  // SIGTERM and the exit code.
  int stop();

 private:
  TempDir m_dir;
  std::unique_ptr<Child> m_child;
};

// Imports bookings and balances into the store file through a second connection (as another
// process may, queue/sqlite_store.hpp): the test-only way to give a deposit a bank balance.
void import_into_store(const std::filesystem::path& store, const ImportBatch& batch);
BookingEntry booking(const std::string& bank_ref, const std::string& amount,
                     std::optional<std::string> deposit_id, const std::string& account,
                     BookingKind kind = BookingKind::payment_in);

// A problem+json answer with this status, title and an errors array.
void expect_problem(const Reply& reply, long status);

// One integer from the store file through a separate read-only connection ("SELECT count(*) …").
std::int64_t query_int(const std::filesystem::path& store, const std::string& sql);

}  // namespace kaution::test
