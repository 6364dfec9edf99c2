#pragma once
// The seeded portfolio: per bank `size` deposits as the core ledger would hand them to the
// daemon (specs/ledger-api.md). The same seed, size and start date give the same portfolio.
// It exists at a sandbox bank only once the daemon has exported it there.

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "connectors/sandbox/bank.hpp"
#include "core/date.hpp"
#include "mapping/deposit.hpp"

namespace kaution::sandbox {

struct DataSetOptions {
  std::uint64_t seed = 1;
  std::size_t size = 100;           // deposits per bank
  Date start = Date::from_days(0);  // the sandbox's first "today"
  // Only what the control endpoints book (script_control.cpp): no tenant payments, payouts or
  // unassignable "noise" of the simulation's own (--scripted; the conformance suite).
  bool scripted = false;
};

// "1.080000.1000": bank digit (aak 1, km 2, dkb 3), object, unit; unique per bank and index.
std::string contract_number(Bank bank, std::size_t index);
// aak's vIBAN of portfolio deposit `index`.
std::string portfolio_viban(std::uint64_t seed, std::size_t index);

Deposit portfolio_deposit(Bank bank, std::size_t index, const DataSetOptions& options);
std::vector<Deposit> portfolio(Bank bank, const DataSetOptions& options);

// The portfolio of all three banks, one deposit JSON per line (aak, then km, then dkb).
void write_portfolio_ndjson(std::ostream& out, const DataSetOptions& options);

// `date` plus `months` calendar months, the day clamped to the month's end.
Date plus_months(Date date, int months);

}  // namespace kaution::sandbox
