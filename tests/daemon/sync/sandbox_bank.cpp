#include "tests/daemon/sync/sandbox_bank.hpp"

#include <stdexcept>

#include "connectors/sandbox/portfolio.hpp"

namespace kaution::test {

using sandbox::Bank;

namespace {

SecretSetting inline_secret(std::string value) {
  return SecretSetting{SecretRef{SecretKind::inline_, ""}, Secret(std::move(value))};
}

ConnectorKind kind_of(Bank bank) {
  switch (bank) {
    case Bank::aak:
      return ConnectorKind::aak;
    case Bank::km:
      return ConnectorKind::km;
    case Bank::dkb:
      break;
  }
  return ConnectorKind::dkb;
}

}  // namespace

SandboxBank::SandboxBank(sandbox::Sandbox& sandbox, Bank bank, MatrixLimits limits)
    : m_sandbox(sandbox),
      m_bank(bank),
      m_limits(limits),
      m_start(std::chrono::time_point_cast<std::chrono::seconds>(SystemClock{}.now())) {}

void SandboxBank::unused() {
  throw std::logic_error("SandboxBank: not used by the fault matrix");
}

std::string SandboxBank::name() const {
  return std::string(sandbox::bank_name(m_bank));
}

AccessConfig SandboxBank::access() const {
  const sandbox::PkiFiles& pki = m_sandbox.pki();
  AccessConfig a;
  a.name = std::string(sandbox::access_name(m_bank));
  a.connector = kind_of(m_bank);
  a.base_url = "https://127.0.0.1:" + std::to_string(m_sandbox.port(m_bank));
  a.tls.ca_file = pki.ca_cert;
  a.timeouts.connect_ms = m_limits.connect_ms;
  a.timeouts.total_ms = m_limits.total_ms;
  a.limits.max_in_flight = m_limits.max_in_flight;
  a.limits.requests_per_second = m_limits.requests_per_second;
  const std::string bank = name();
  a.username = bank == "km" ? "sandbox-km-user" : "sandbox-" + bank + "-client";
  a.password = inline_secret("sandbox-" + bank + "-secret");
  if (m_bank == Bank::km) {
    a.km = KmConfig{{TrustAccount{*Iban::parse("DE89370400440532013000"), "0.250",
                                  *Date::parse("2026-01-01")}}};
  }
  if (m_bank == Bank::dkb) {
    a.tls.client_cert = pki.client_cert;
    a.tls.client_key = pki.client_key;
    a.dkb = DkbConfig{{*Iban::parse("DE45120300001234567890")}, std::nullopt};
  }
  return a;
}

ConnectorFactory SandboxBank::connectors() {
  return [](const AccessConfig& access, const ConnectorEnv& env) {
    return make_connector(access, env);
  };
}

nlohmann::json SandboxBank::deposit(int n, Date) const {
  const auto& options = m_sandbox.world().simulation.options();
  return to_json(sandbox::portfolio_deposit(m_bank, static_cast<std::size_t>(n), options));
}

std::int64_t SandboxBank::requests() const {
  return m_sandbox.context(m_bank).stats.to_json().value("total", std::int64_t{0});
}

}  // namespace kaution::test
