#pragma once
// FakeBankDriver: the conformance suite's BankDriver over a FakeBank (aak-like by default:
// payments assigned by vIBAN; km-like with `km` set: by contract number, one trust account).

#include "tests/daemon/sync/bank_driver.hpp"
#include "tests/daemon/sync/fake_bank.hpp"

namespace kaution::test {

// A valid German IBAN (mod-97 check digits) for bank code `blz` and account `account`.
std::string make_de_iban(std::string_view blz, std::uint64_t account);

class FakeBankDriver final : public BankDriver {
 public:
  explicit FakeBankDriver(ConnectorKind kind = ConnectorKind::aak);

  std::string name() const override;
  AccessConfig access() const override;
  ConnectorFactory connectors() override;
  nlohmann::json deposit(int n, Date valid_from) const override;
  void make_rejectable(nlohmann::json& deposit) override;
  void refuse_credentials(bool refuse) override;
  void fail_next_exports(int count, int status,
                         std::optional<std::chrono::seconds> retry_after) override;
  void set_unreachable(bool unreachable) override;
  void pay(const nlohmann::json& deposit, Money amount, Date on) override;
  std::string pay_unassigned(Money amount, Date on) override;
  std::int64_t requests() const override;
  std::vector<std::string> closed() const override;

  FakeBank& bank() { return *m_bank; }

 private:
  ConnectorKind m_kind;
  std::shared_ptr<FakeBank> m_bank = std::make_shared<FakeBank>();
};

}  // namespace kaution::test
