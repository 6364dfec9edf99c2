#pragma once
// SandboxBank: a BankDriver for the fault matrix (bank_faults_test.cpp) — one bank of an
// in-process kautiond-sandbox (ephemeral ports, its own PKI) behind the real connector
// (make_connector). The daemon's clock starts at the wall clock's now, so that a Retry-After
// HTTP-date from the sandbox means what it says. Only what the matrix needs is implemented:
// the conformance scenarios' payment and fault methods throw std::logic_error.

#include <chrono>
#include <filesystem>

#include "connectors/sandbox/sandbox.hpp"
#include "tests/daemon/sync/bank_driver.hpp"

namespace kaution::test {

// Short timeouts and a low rate limit: a timeout fault costs little, a storm shows.
struct MatrixLimits {
  int connect_ms = 1000;
  int total_ms = 1500;
  int max_in_flight = 2;
  int requests_per_second = 8;
};

class SandboxBank final : public BankDriver {
 public:
  SandboxBank(sandbox::Sandbox& sandbox, sandbox::Bank bank, MatrixLimits limits = {});

  std::string name() const override;
  AccessConfig access() const override;
  ConnectorFactory connectors() override;
  // Portfolio deposit `n` of this bank (valid_from as the portfolio has it).
  nlohmann::json deposit(int n, Date valid_from) const override;
  TimePoint start() const override { return m_start; }

  std::int64_t requests() const override;
  std::vector<std::string> closed() const override { return {}; }

  void make_rejectable(nlohmann::json&) override { unused(); }
  void refuse_credentials(bool) override { unused(); }
  void fail_next_exports(int, int, std::optional<std::chrono::seconds>) override { unused(); }
  void set_unreachable(bool) override { unused(); }
  void pay(const nlohmann::json&, Money, Date) override { unused(); }
  std::string pay_unassigned(Money, Date) override {
    unused();
    return {};
  }

 private:
  [[noreturn]] static void unused();

  sandbox::Sandbox& m_sandbox;
  sandbox::Bank m_bank;
  MatrixLimits m_limits;
  TimePoint m_start;
};

}  // namespace kaution::test
