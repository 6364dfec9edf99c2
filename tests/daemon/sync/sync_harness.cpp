#include "tests/daemon/sync/sync_harness.hpp"

#include "daemon/status_refresh.hpp"
#include "mapping/deposit.hpp"

namespace kaution::test {
namespace {

DepositRecord record_of(const nlohmann::json& json) {
  auto parsed = parse_deposit(json);
  if (!parsed)
    throw std::invalid_argument("test deposit does not parse: " + parsed.error()[0].field);
  const Deposit& d = *parsed;
  DepositRecord r;
  r.deposit_id = d.deposit_id;
  r.master_json = json.dump();
  r.rental_contract_no = d.rental_contract_no;
  r.connector = d.connector ? std::string(to_string(*d.connector)) : "";
  r.access = d.access.value_or("");
  r.valid_from = d.valid_from;
  r.valid_until = d.valid_until;
  r.agreed = d.agreed_amount;
  if (d.virtual_iban) r.virtual_iban = d.virtual_iban->str();
  if (d.trust_account) r.trust_account = d.trust_account->str();
  r.tenant_name =
      d.parties.at(0).last_name.value_or("") + ", " + d.parties.at(0).first_name.value_or("");
  return r;
}

}  // namespace

SyncHarness::SyncHarness(std::unique_ptr<BankDriver> bank)
    : m_bank(std::move(bank)),
      m_clock(m_bank->start()),
      m_store(std::make_unique<SqliteStore>(m_file.path(), m_clock)),
      m_access(*m_store),
      m_sync(m_access, m_clock, m_bank->connectors(), &refresh_statuses,
             std::make_unique<SeededRandom>(42)) {
  m_config.accesses.push_back(m_bank->access());
  m_sync.configure(m_config);
}

std::string SyncHarness::put(const nlohmann::json& deposit) {
  const DepositRecord record = record_of(deposit);
  m_access.with([&](Store& s) {
    s.upsert_deposit(record);
    refresh_statuses(s, today(), sync_settings(m_config).rules);
  });
  return record.deposit_id;
}

DepositStatus SyncHarness::status(const std::string& id) {
  const auto s = m_store->status(id);
  if (!s) throw std::logic_error("no status for " + id);
  return s->status;
}

StoredDeposit SyncHarness::stored(const std::string& id) {
  auto d = m_store->get_deposit(id);
  if (!d) throw std::logic_error("no deposit " + id);
  return *d;
}

}  // namespace kaution::test
