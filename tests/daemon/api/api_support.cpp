#include "tests/daemon/api/api_support.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <csignal>
#include <stdexcept>

#include "queue/sqlite_store.hpp"

namespace kaution::test {

using namespace std::chrono_literals;

Daemon::Daemon(const std::string& extra_config) {
  write_config(config_text(extra_config));
  m_child = std::make_unique<Child>(
      std::vector<std::string>{binary("kautiond"), "--config", (dir() / "k.json").string()});
  if (!m_child->wait_for_output("READY", 30s))
    throw std::runtime_error("kautiond did not get ready: " + m_child->output());
}

Daemon::~Daemon() = default;

std::string Daemon::config_text(const std::string& extra_config, const std::string& tokens) const {
  const std::string token_list =
      tokens.empty() ? R"({"name": "erp", "role": "ledger", "token": ")" + k_erp_token + R"("},
        {"name": "support-anna", "role": "support", "token": ")" +
                           k_support_token + R"("},
        {"name": "monitor", "role": "operator", "token": ")" +
                           k_monitor_token + R"("})"
                     : tokens;
  return R"({
    "store": {"path": ")" +
         store_path().string() + R"("},
    "api": {"socket": ")" +
         socket_path().string() + R"(", "tokens": [)" + token_list + R"(]},
    "schedule": {"import_every_minutes": 60},
    "accesses": [
      {"name": "aak-main", "connector": "aak", "base_url": "https://127.0.0.1:1", "active": false},
      {"name": "dkb-main", "connector": "dkb", "base_url": "https://127.0.0.1:1", "active": false,
       "dkb": {"collective_ibans": ["DE45120300001234567890"]}}
    ])" + extra_config +
         R"(
  })";
}

void Daemon::write_config(const std::string& text) const {
  m_dir.write("k.json", text);
}

Reply Daemon::call(const std::string& method, const std::string& target,
                   const std::optional<std::string>& token, const std::optional<std::string>& body,
                   const std::vector<std::string>& headers,
                   std::chrono::milliseconds timeout) const {
  HttpCall c;
  c.method = method;
  c.target = target;
  c.token = token;
  c.body = body;
  c.headers = headers;
  if (body && headers.empty()) c.headers.push_back("Content-Type: application/json");
  const HttpReply r = HttpClient::over_unix_socket(socket_path()).send(c, timeout);
  Reply reply{r.status, r.header("content-type"), r.body, nullptr, r.error};
  reply.json = nlohmann::json::parse(r.body, nullptr, false);
  return reply;
}

Reply Daemon::get(const std::string& target, const std::string& token) const {
  return call("GET", target, token);
}

Reply Daemon::put_deposit(const nlohmann::json& deposit) const {
  return call("PUT", "/api/v1/deposits/" + deposit.at("deposit_id").get<std::string>(), k_erp_token,
              deposit.dump());
}

int Daemon::stop() {
  m_child->signal(SIGTERM);
  return m_child->wait_exit(30s);
}

void import_into_store(const std::filesystem::path& store, const ImportBatch& batch) {
  SystemClock clock;
  SqliteStore s(store, clock);
  s.import_batch(batch);
}

BookingEntry booking(const std::string& bank_ref, const std::string& amount,
                     std::optional<std::string> deposit_id, const std::string& account,
                     BookingKind kind) {
  BookingEntry e;
  e.bank_ref = bank_ref;
  e.booking_date = *Date::parse("2026-02-01");
  e.amount = *Money::parse(amount);
  e.kind = kind;
  e.counterparty_name = "Natalie Schmidt";
  e.remittance = "Kaution";
  e.account = account;
  e.deposit_id = std::move(deposit_id);
  return e;
}

void expect_problem(const Reply& reply, long status) {
  EXPECT_EQ(reply.status, status) << reply.body;
  EXPECT_EQ(reply.content_type, "application/problem+json") << reply.body;
  ASSERT_TRUE(reply.json.is_object()) << reply.body;
  EXPECT_EQ(reply.json.value("status", 0L), status) << reply.body;
  EXPECT_TRUE(reply.json.contains("title")) << reply.body;
  EXPECT_TRUE(reply.json.contains("detail")) << reply.body;
  EXPECT_TRUE(reply.json.contains("errors") && reply.json["errors"].is_array()) << reply.body;
}

std::int64_t query_int(const std::filesystem::path& store, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(store.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error("cannot open " + store.string());
  }
  sqlite3_stmt* stmt = nullptr;
  std::int64_t value = -1;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW)
    value = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return value;
}

}  // namespace kaution::test
