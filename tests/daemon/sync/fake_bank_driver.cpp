#include "tests/daemon/sync/fake_bank_driver.hpp"

namespace kaution::test {
namespace {

constexpr std::string_view k_trust_account_blz = "50010517";

std::string digits_of(std::string_view text) {
  std::string out;
  for (char c : text)
    out += (c >= 'A' && c <= 'Z') ? std::to_string(c - 'A' + 10) : std::string(1, c);
  return out;
}

}  // namespace

std::string make_de_iban(std::string_view blz, std::uint64_t account) {
  std::string acct = std::to_string(account);
  acct.insert(0, 10 - acct.size(), '0');
  const std::string bban = std::string(blz) + acct;
  unsigned remainder = 0;
  for (char c : digits_of(bban + "DE00"))
    remainder = (remainder * 10 + static_cast<unsigned>(c - '0')) % 97;
  const unsigned check = 98 - remainder;
  return std::string("DE") + (check < 10 ? "0" : "") + std::to_string(check) + bban;
}

FakeBankDriver::FakeBankDriver(ConnectorKind kind) : m_kind(kind) {
  if (kind == ConnectorKind::km) m_bank->export_batch = 500;
  if (kind == ConnectorKind::dkb) m_bank->takes_assignments = false;
}

std::string FakeBankDriver::name() const {
  return "fake_" + std::string(to_string(m_kind));
}

AccessConfig FakeBankDriver::access() const {
  AccessConfig a;
  a.name = std::string(to_string(m_kind)) + "-main";
  a.connector = m_kind;
  a.base_url = "https://bank.invalid";
  if (m_kind == ConnectorKind::km)
    a.km = KmConfig{{TrustAccount{*Iban::parse(make_de_iban(k_trust_account_blz, 1)), "0.250",
                                  *Date::parse("2026-01-01")}}};
  if (m_kind == ConnectorKind::dkb)
    a.dkb = DkbConfig{{*Iban::parse(make_de_iban(k_trust_account_blz, 2))},
                      "https://portal.bank.invalid"};
  return a;
}

ConnectorFactory FakeBankDriver::connectors() {
  return [bank = m_bank](const AccessConfig&, const ConnectorEnv&) {
    return std::make_unique<FakeConnector>(bank);
  };
}

nlohmann::json FakeBankDriver::deposit(int n, Date valid_from) const {
  nlohmann::json d = conformance_deposit(n, valid_from, m_kind, access().name,
                                         "1.080000." + std::to_string(1000 + n));
  if (m_kind == ConnectorKind::aak)
    d["virtual_iban"] = make_de_iban("55010400", 7223000 + static_cast<std::uint64_t>(n));
  return d;
}

void FakeBankDriver::make_rejectable(nlohmann::json& deposit) {
  std::lock_guard lock(m_bank->mutex);
  m_bank->rejections[deposit.at("deposit_id").get<std::string>()] = {
      {"tenants[0].lastName", "TOO_LONG", "must not exceed 35 characters"},
      {"virtualIban", "VIBAN_IN_USE", "belongs to another contract"}};
}

void FakeBankDriver::refuse_credentials(bool refuse) {
  std::lock_guard lock(m_bank->mutex);
  m_bank->refuse_credentials = refuse;
}

void FakeBankDriver::fail_next_exports(int count, int status,
                                       std::optional<std::chrono::seconds> retry_after) {
  std::lock_guard lock(m_bank->mutex);
  for (int i = 0; i < count; ++i)
    m_bank->export_failures.push_back(http_failure(status, retry_after));
}

void FakeBankDriver::set_unreachable(bool unreachable) {
  std::lock_guard lock(m_bank->mutex);
  m_bank->unreachable = unreachable;
}

void FakeBankDriver::pay(const nlohmann::json& deposit, Money amount, Date on) {
  const std::string contract = deposit.at("rental_contract_no").get<std::string>();
  const std::string account = deposit.contains("virtual_iban")
                                  ? deposit.at("virtual_iban").get<std::string>()
                                  : "SUB-" + contract;
  if (!deposit.contains("virtual_iban")) {
    std::lock_guard lock(m_bank->mutex);
    m_bank->sub_accounts[account] = contract;
  }
  m_bank->book(account, amount, on, "Kaution " + contract);
}

std::string FakeBankDriver::pay_unassigned(Money amount, Date on) {
  return m_bank->book(make_de_iban(k_trust_account_blz, 1), amount, on, "Miete Januar");
}

std::int64_t FakeBankDriver::requests() const {
  std::lock_guard lock(m_bank->mutex);
  return m_bank->requests;
}

std::vector<std::string> FakeBankDriver::closed() const {
  std::lock_guard lock(m_bank->mutex);
  return m_bank->closed;
}

}  // namespace kaution::test
