#pragma once
// SandboxBankDriver: the conformance suite's BankDriver against a real kautiond-sandbox
// process, one per driver (so per scenario): started on ephemeral ports with its PKI in a temp
// directory, a fixed start date and --scripted (the bank books only what the driver asks), and
// stopped with the driver. The runtime reaches it through the real connector (registry) over
// HTTPS; the driver scripts the bank through its /_control endpoints (README of
// connectors/sandbox): faults, payments, rejections, the simulated days.

#include <map>
#include <memory>

#include "tests/connectors/sandbox/client.hpp"
#include "tests/daemon/sync/bank_driver.hpp"
#include "tests/support/process.hpp"

namespace kaution::test {

class SandboxBankDriver final : public BankDriver {
 public:
  explicit SandboxBankDriver(ConnectorKind kind);
  ~SandboxBankDriver() override;

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
  TimePoint start() const override;
  void advance(std::chrono::seconds by) override;
  std::int64_t requests() const override;
  std::vector<std::string> closed() const override;

 private:
  // A control call on this bank's port; throws unless it answers `expect`.
  Reply control(const std::string& method, const std::string& target, const nlohmann::json& body,
                long expect) const;
  // Replaces the fault rules of this bank by `rules` (an array; empty: none).
  void set_faults(const nlohmann::json& rules);
  // Sets (null: lifts) the standing rule `name` and installs the standing rules anew; rules
  // with `next` still pending are dropped.
  void set_standing(const std::string& name, const nlohmann::json& rule);
  std::string contract_of(int n) const;
  Date bank_today() const;

  ConnectorKind m_kind;
  TempDir m_dir;
  std::unique_ptr<Child> m_sandbox;
  std::uint16_t m_port = 0;
  TimePoint m_now;
  // Standing faults (credentials refused, unreachable): kept when another is added.
  nlohmann::json m_standing = nlohmann::json::object();
  mutable std::map<std::string, std::string> m_deposit_of;  // contract number → deposit id
};

}  // namespace kaution::test
