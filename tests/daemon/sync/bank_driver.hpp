#pragma once
// BankDriver: the bank side of the sync conformance suite. The scenarios (conformance.cpp)
// arrange the bank's behaviour only through this interface, so that the same scenarios run
// against every implementation: FakeBankDriver (in process), and SandboxBankDriver per
// connector (aak, km, dkb) against kautiond-sandbox, whose control endpoints script the bank.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "config/config.hpp"
#include "core/clock.hpp"
#include "core/date.hpp"
#include "core/money.hpp"
#include "daemon/sync/connector_factory.hpp"

namespace kaution::test {

class BankDriver {
 public:
  virtual ~BankDriver() = default;

  virtual std::string name() const = 0;
  // The access the runtime is configured with.
  virtual AccessConfig access() const = 0;
  virtual ConnectorFactory connectors() = 0;

  // A deposit this bank accepts, as the ledger sends it; `n` makes its id, contract number
  // and account unique.
  virtual nlohmann::json deposit(int n, Date valid_from) const = 0;
  // Changes `deposit` so that the bank rejects its export with field errors.
  virtual void make_rejectable(nlohmann::json& deposit) = 0;

  // Faults: refused credentials until lifted; the next `count` export requests answered with
  // HTTP `status` (and Retry-After); every request unanswered (connection refused) until
  // lifted.
  virtual void refuse_credentials(bool refuse) = 0;
  virtual void fail_next_exports(int count, int status,
                                 std::optional<std::chrono::seconds> retry_after) = 0;
  virtual void set_unreachable(bool unreachable) = 0;

  // A payment to the deposit, booked so that the bank assigns it; its balance follows.
  virtual void pay(const nlohmann::json& deposit, Money amount, Date on) = 0;
  // A payment the bank cannot assign; returns the bank's booking reference.
  virtual std::string pay_unassigned(Money amount, Date on) = 0;

  // The daemon's clock starts here (the bank's "now"); advance() moves the bank's clock along
  // with the daemon's (a sandbox simulates the days in between).
  virtual TimePoint start() const { return utc_time(*Date::parse("2026-11-23"), 9); }
  virtual void advance(std::chrono::seconds /*by*/) {}

  // Requests the connector has made so far.
  virtual std::int64_t requests() const = 0;
  // Deposit ids the bank was asked to close.
  virtual std::vector<std::string> closed() const = 0;
};

// The deposit the conformance drivers hand the ledger for scenario deposit `n` (without the
// profile's extras such as aak's virtual IBAN, which each driver adds).
inline nlohmann::json conformance_deposit(int n, Date valid_from, ConnectorKind kind,
                                          const std::string& access, const std::string& contract) {
  const std::string amount = "1340.00";
  return {{"deposit_id", "D-" + std::to_string(1000 + n)},
          {"rental_contract_no", contract},
          {"object_no", "P1096"},
          {"object_label", "Mittelweg 30, Dortmund"},
          {"object_owner", "Wohnbau Dortmund GmbH"},
          {"unit_no", "10006.1." + std::to_string(n)},
          {"connector", to_string(kind)},
          {"access", access},
          {"parties",
           {{{"role", "tenant"},
             {"first_name", "Natalie"},
             {"last_name", "Schmidt"},
             {"address",
              {{"street", "Mittelweg 30"},
               {"postcode", "44267"},
               {"city", "Dortmund"},
               {"country", "DE"}}}}}},
          {"account_holder", "Natalie Schmidt"},
          {"agreed_amount", amount},
          {"instalments", {{{"due_date", valid_from.to_string()}, {"amount", amount}}}},
          {"valid_from", valid_from.to_string()},
          {"residential", true}};
}

using BankDriverMaker = std::function<std::unique_ptr<BankDriver>()>;

}  // namespace kaution::test
