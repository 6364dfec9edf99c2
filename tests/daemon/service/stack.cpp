#include "tests/daemon/service/stack.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <stdexcept>

namespace kaution::test {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

std::string fresh(const std::string& kind) {
  std::random_device rd;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%08x%08x", rd(), rd());
  return "canary-" + kind + "-" + hex;
}

// The config's environment variable of each canary.
const std::map<std::string, std::string> k_variables{{"token-erp", "KAUTIOND_TOKEN_ERP"},
                                                     {"token-support", "KAUTIOND_TOKEN_SUPPORT"},
                                                     {"token-monitor", "KAUTIOND_TOKEN_MONITOR"},
                                                     {"aak", "KAUTIOND_AAK_SECRET"},
                                                     {"km", "KAUTIOND_KM_SECRET"},
                                                     {"dkb", "KAUTIOND_DKB_SECRET"},
                                                     {"km-wrong", "KAUTIOND_KM_WRONG_SECRET"}};

}  // namespace

std::size_t count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + needle.size()))
    ++n;
  return n;
}

std::string sandbox_binary() {
  return std::string(KAUTION_BINARY_DIR) + "/connectors/sandbox/kautiond-sandbox";
}

ServiceStack::ServiceStack(StackOptions options) : m_options(std::move(options)) {
  for (const auto& [kind, variable] : k_variables)
    m_canaries[kind] = fresh(kind);
}

ServiceStack::~ServiceStack() {
  if (m_daemon) m_daemon->signal(SIGKILL);
  if (m_sandbox) m_sandbox->signal(SIGTERM);
}

void ServiceStack::start_sandbox() {
  const fs::path ports = m_dir.path() / "ports.json";
  std::vector<std::string> argv{sandbox_binary(),
                                "--seed",
                                "5",
                                "--size",
                                std::to_string(m_options.size),
                                "--pki-dir",
                                (m_dir.path() / "sandbox").string(),
                                "--aak-port",
                                "0",
                                "--km-port",
                                "0",
                                "--dkb-port",
                                "0",
                                "--port-file",
                                ports.string(),
                                "--portfolio-out",
                                (m_dir.path() / "portfolio.ndjson").string()};
  argv.insert(argv.end(), m_options.sandbox_args.begin(), m_options.sandbox_args.end());
  m_sandbox = std::make_unique<Child>(
      argv, std::map<std::string, std::string>{{"KAUTIOND_SANDBOX_AAK_SECRET", m_canaries["aak"]},
                                               {"KAUTIOND_SANDBOX_KM_SECRET", m_canaries["km"]},
                                               {"KAUTIOND_SANDBOX_DKB_SECRET", m_canaries["dkb"]}});
  if (!m_sandbox->wait_for_output("kautiond-sandbox: READY", 60s))
    throw std::runtime_error("the sandbox did not start: " + m_sandbox->output());
  const auto json = nlohmann::json::parse(read_file(ports));
  for (const auto& [bank, port] : json.items())
    m_ports[bank] = port.get<std::uint16_t>();
}

std::uint16_t ServiceStack::port(const std::string& bank) const {
  return m_ports.at(bank);
}

Reply ServiceStack::control(const std::string& bank, const std::string& method,
                            const std::string& target, const std::string& body) const {
  BankClient client(port(bank), TlsFiles{m_dir.path() / "sandbox" / "ca.pem", {}, {}});
  Call call;
  call.method = method;
  call.target = target;
  if (!body.empty()) {
    call.body = body;
    call.headers.push_back("Content-Type: application/json");
  }
  return client.send(call, 30s);
}

std::string ServiceStack::access_json(const std::string& name) const {
  const std::string ca = (m_dir.path() / "sandbox" / "ca.pem").string();
  const auto url = [&](const std::string& bank) {
    return "https://127.0.0.1:" + std::to_string(port(bank));
  };
  if (name == "aak-main")
    return R"({"name": "aak-main", "connector": "aak", "base_url": ")" + url("aak") +
           R"(", "username": "sandbox-aak-client", "password": {"env": "KAUTIOND_AAK_SECRET"},
              "tls": {"ca_file": ")" +
           ca + R"("}})";
  if (name == "km-main" || name == "km-wrong")
    return R"({"name": ")" + name + R"(", "connector": "km", "base_url": ")" + url("km") +
           R"(", "username": "sandbox-km-user", "password": {"env": ")" +
           (name == "km-main" ? "KAUTIOND_KM_SECRET" : "KAUTIOND_KM_WRONG_SECRET") +
           R"("}, "tls": {"ca_file": ")" + ca +
           R"("}, "km": {"trust_accounts": [{"iban": "DE89370400440532013000",
              "interest_rate": "0.250", "valid_from": "2026-01-01"}]}})";
  if (name == "dkb-main")
    return R"({"name": "dkb-main", "connector": "dkb", "base_url": ")" + url("dkb") +
           R"(", "username": "sandbox-dkb-client", "password": {"env": "KAUTIOND_DKB_SECRET"},
              "tls": {"ca_file": ")" +
           ca + R"(", "client_cert": ")" + (m_dir.path() / "sandbox" / "dkb-client.pem").string() +
           R"(", "client_key": ")" + (m_dir.path() / "sandbox" / "dkb-client.key").string() +
           R"("}, "dkb": {"collective_ibans": ["DE45120300001234567890"]}})";
  throw std::invalid_argument("no access " + name);
}

fs::path ServiceStack::write_config(const std::vector<std::string>& accesses) {
  std::string list;
  for (const std::string& a : accesses)
    list += (list.empty() ? "" : ", ") + access_json(a);
  const std::string text = R"({
    "store": {"path": "kautiond.db"},
    "api": {"socket": "api.sock", "tokens": [
      {"name": "erp", "role": "ledger", "token": {"env": "KAUTIOND_TOKEN_ERP"}},
      {"name": "support", "role": "support", "token": {"env": "KAUTIOND_TOKEN_SUPPORT"}},
      {"name": "monitor", "role": "operator", "token": {"env": "KAUTIOND_TOKEN_MONITOR"}}]},
    "schedule": {"import_every_minutes": 60},
    "retry": {"max_attempts": 5, "base_seconds": 1, "cap_seconds": 2},
    "accesses": [)" + list +
                           R"(],
    "log": {"level": "debug"}
  })";
  return m_dir.write("kautiond.json", text);
}

std::map<std::string, std::string> ServiceStack::daemon_env() const {
  std::map<std::string, std::string> env;
  for (const auto& [kind, variable] : k_variables)
    env[variable] = m_canaries.at(kind);
  return env;
}

void ServiceStack::start_daemon(const std::vector<std::string>& extra_args) {
  if (!fs::exists(config_path())) write_config(m_options.accesses);
  if (m_daemon) m_earlier_logs += m_daemon->output();
  std::vector<std::string> argv{binary("kautiond"), "--config", config_path().string()};
  argv.insert(argv.end(), extra_args.begin(), extra_args.end());
  m_daemon = std::make_unique<Child>(argv, daemon_env());
  if (!m_daemon->wait_for_output("READY ", 90s))
    throw std::runtime_error("kautiond did not get ready: " + m_daemon->output());
}

int ServiceStack::stop_daemon() {
  m_daemon->signal(SIGTERM);
  return m_daemon->wait_exit(120s);
}

std::string ServiceStack::logs() const {
  return m_earlier_logs + (m_daemon ? m_daemon->output() : std::string());
}

RunResult ServiceStack::ctl(const std::vector<std::string>& args) const {
  std::vector<std::string> argv{binary("kautionctl"), "--config", config_path().string()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run(argv, daemon_env(), std::chrono::seconds{120});
}

fs::path ServiceStack::portfolio(const std::vector<std::string>& accesses) const {
  std::ifstream in(m_dir.path() / "portfolio.ndjson");
  std::ostringstream out;
  for (std::string line; std::getline(in, line);) {
    const auto deposit = nlohmann::json::parse(line);
    for (const std::string& a : accesses)
      if (deposit.value("access", "") == a) out << line << '\n';
  }
  const std::string name = "portfolio-" + std::to_string(accesses.size()) + "-" +
                           (accesses.empty() ? "none" : accesses.front()) + ".ndjson";
  return m_dir.write(name, out.str());
}

std::string ServiceStack::sql(const std::string& sql) const {
  const RunResult r = run({"/usr/bin/sqlite3", store_path().string(), sql}, {}, 60s);
  if (r.exit_code != 0) throw std::runtime_error("sqlite3: " + r.err);
  return r.out;
}

}  // namespace kaution::test
