#include "tests/daemon/sync/sandbox_bank_driver.hpp"

#include <stdexcept>

#include "connectors/sandbox/bank.hpp"

namespace kaution::test {
namespace {

using nlohmann::json;

const std::string k_sandbox =
    std::string(KAUTION_BINARY_DIR) + "/connectors/sandbox/kautiond-sandbox";
constexpr std::string_view k_start = "2026-11-23";
constexpr auto k_ready_timeout = std::chrono::seconds{60};

sandbox::Bank bank_of(ConnectorKind kind) {
  switch (kind) {
    case ConnectorKind::aak:
      return sandbox::Bank::aak;
    case ConnectorKind::km:
      return sandbox::Bank::km;
    case ConnectorKind::dkb:
      break;
  }
  return sandbox::Bank::dkb;
}

// The path prefix of the bank's master-data export (km: the SOAP operation, gate.cpp).
std::string export_path(ConnectorKind kind) {
  switch (kind) {
    case ConnectorKind::aak:
      return "/v1/deposits/";
    case ConnectorKind::km:
      return "/ws#VertraegeUebertragen";
    case ConnectorKind::dkb:
      break;
  }
  return "/kaution/v1/tenancies/";
}

SecretSetting inline_secret(const std::string& value) {
  return SecretSetting{SecretRef{SecretKind::inline_, {}}, Secret(value)};
}

}  // namespace

SandboxBankDriver::SandboxBankDriver(ConnectorKind kind) : m_kind(kind), m_now(start()) {
  const auto port_file = m_dir.path() / "ports.json";
  m_sandbox = std::make_unique<Child>(std::vector<std::string>{
      k_sandbox, "--seed", "1", "--size", "1", "--today", std::string(k_start), "--scripted",
      "--pki-dir", (m_dir.path() / "pki").string(), "--aak-port", "0", "--km-port", "0",
      "--dkb-port", "0", "--port-file", port_file.string()});
  if (!m_sandbox->wait_for_output("READY", k_ready_timeout))
    throw std::runtime_error("kautiond-sandbox did not start: " + m_sandbox->output());
  const json ports = json::parse(read_file(port_file));
  m_port = ports.at(std::string(sandbox::bank_name(bank_of(kind)))).get<std::uint16_t>();
}

SandboxBankDriver::~SandboxBankDriver() = default;

std::string SandboxBankDriver::name() const {
  return "sandbox_" + std::string(to_string(m_kind));
}

AccessConfig SandboxBankDriver::access() const {
  const sandbox::Bank bank = bank_of(m_kind);
  const sandbox::Credentials credentials = sandbox::default_credentials(bank);
  AccessConfig a;
  a.name = std::string(sandbox::access_name(bank));
  a.connector = m_kind;
  a.base_url = "https://127.0.0.1:" + std::to_string(m_port);
  a.username = credentials.user;
  a.password = inline_secret(credentials.secret);
  a.tls.ca_file = m_dir.path() / "pki" / "ca.pem";
  a.timeouts.connect_ms = 5000;
  a.timeouts.total_ms = 20000;
  a.limits.requests_per_second = 1000;  // the suite's time goes to scenarios, not pacing
  if (m_kind == ConnectorKind::km) {
    a.km = KmConfig{{TrustAccount{*Iban::parse(std::string(sandbox::k_km_trust_account)), "0.250",
                                  *Date::parse("2026-01-01")}}};
  }
  if (m_kind == ConnectorKind::dkb) {
    a.tls.client_cert = m_dir.path() / "pki" / "dkb-client.pem";
    a.tls.client_key = m_dir.path() / "pki" / "dkb-client.key";
    a.dkb =
        DkbConfig{{*Iban::parse(sandbox::dkb_collective_ibans().front())}, a.base_url + "/portal"};
  }
  return a;
}

ConnectorFactory SandboxBankDriver::connectors() {
  return bank_connectors();
}

std::string SandboxBankDriver::contract_of(int n) const {
  const int digit = m_kind == ConnectorKind::aak ? 1 : m_kind == ConnectorKind::km ? 2 : 3;
  return std::to_string(digit) + ".090000." + std::to_string(1000 + n);
}

json SandboxBankDriver::deposit(int n, Date valid_from) const {
  const std::string contract = contract_of(n);
  m_deposit_of[contract] = "D-" + std::to_string(1000 + n);
  json d = conformance_deposit(n, valid_from, m_kind, access().name, contract);
  if (m_kind == ConnectorKind::aak) {
    d["virtual_iban"] =
        sandbox::make_de_iban(sandbox::k_aak_bank_code, 7223000 + static_cast<std::uint64_t>(n));
  }
  return d;
}

Reply SandboxBankDriver::control(const std::string& method, const std::string& target,
                                 const json& body, long expect) const {
  TlsFiles tls{m_dir.path() / "pki" / "ca.pem", {}, {}};
  if (m_kind == ConnectorKind::dkb) {
    tls.client_cert = m_dir.path() / "pki" / "dkb-client.pem";
    tls.client_key = m_dir.path() / "pki" / "dkb-client.key";
  }
  Call call{method, target, {"Content-Type: application/json"}, {}, {}, {}};
  if (!body.is_null()) call.body = body.dump();
  Reply reply = BankClient(m_port, tls).send(call);
  if (reply.status != expect) {
    throw std::runtime_error(method + " " + target + ": " + std::to_string(reply.status) + " " +
                             reply.body + reply.error);
  }
  return reply;
}

void SandboxBankDriver::set_faults(const json& rules) {
  control("DELETE", "/_control/faults", nullptr, 204);
  if (!rules.empty()) control("POST", "/_control/faults", rules, 201);
}

void SandboxBankDriver::make_rejectable(json& deposit) {
  // Refused like a too long name, in the profile's own words and shape.
  const bool km = m_kind == ConnectorKind::km;
  control("POST", "/_control/reject-next",
          {{"contract", deposit.at("rental_contract_no")},
           {"field", km ? "Mieter/Name" : "tenants[0].lastName"},
           {"code", km                             ? "ZU_LANG"
                    : m_kind == ConnectorKind::aak ? "TOO_LONG"
                                                   : "LENGTH"},
           {"message", "must not exceed 35 characters"}},
          204);
}

void SandboxBankDriver::set_standing(const std::string& name, const json& rule) {
  if (rule.is_null())
    m_standing.erase(name);
  else
    m_standing[name] = rule;
  json rules = json::array();
  for (const auto& [key, standing] : m_standing.items())
    rules.push_back(standing);
  set_faults(rules);
}

void SandboxBankDriver::refuse_credentials(bool refuse) {
  set_standing("credentials", refuse ? json{{"kind", "credentials"}} : json());
}

void SandboxBankDriver::set_unreachable(bool unreachable) {
  // The connection closed abortively before any answer (curl: "empty reply from server").
  set_standing("unreachable", unreachable ? json{{"kind", "reset"}} : json());
}

void SandboxBankDriver::fail_next_exports(int count, int status,
                                          std::optional<std::chrono::seconds> retry_after) {
  json rule = {{"kind", "status"},
               {"status", status},
               {"next", count},
               {"path_prefix", export_path(m_kind)}};
  if (retry_after) rule["retry_after"] = std::to_string(retry_after->count());
  control("POST", "/_control/faults", rule, 201);
}

Date SandboxBankDriver::bank_today() const {
  const Reply reply = control("GET", "/_control/state", nullptr, 200);
  return *Date::parse(json::parse(reply.body).at("today").get<std::string>());
}

void SandboxBankDriver::pay(const json& deposit, Money amount, Date on) {
  if (on != bank_today()) throw std::logic_error("the sandbox books today only");
  control("POST", "/_control/pay",
          {{"contract", deposit.at("rental_contract_no")}, {"amount", amount.to_string()}}, 201);
}

std::string SandboxBankDriver::pay_unassigned(Money amount, Date on) {
  if (on != bank_today()) throw std::logic_error("the sandbox books today only");
  const Reply reply =
      control("POST", "/_control/pay-unassignable", {{"amount", amount.to_string()}}, 201);
  return json::parse(reply.body).at("reference").get<std::string>();
}

TimePoint SandboxBankDriver::start() const {
  return utc_time(*Date::parse(k_start), 9);
}

void SandboxBankDriver::advance(std::chrono::seconds by) {
  const Date before = berlin_date(m_now);
  m_now += by;
  const auto days = berlin_date(m_now).days_since(before);
  if (days > 0) control("POST", "/_control/advance", {{"days", days}}, 200);
}

std::int64_t SandboxBankDriver::requests() const {
  const Reply reply = control("GET", "/_control/stats", nullptr, 200);
  return json::parse(reply.body).at("total").get<std::int64_t>();
}

std::vector<std::string> SandboxBankDriver::closed() const {
  const Reply reply = control("GET", "/_control/closed", nullptr, 200);
  const json answer = json::parse(reply.body);
  std::vector<std::string> ids;
  for (const json& contract : answer.at("contracts")) {
    const auto it = m_deposit_of.find(contract.get<std::string>());
    ids.push_back(it == m_deposit_of.end() ? "contract " + contract.get<std::string>()
                                           : it->second);
  }
  return ids;
}

}  // namespace kaution::test
