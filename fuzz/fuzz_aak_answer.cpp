// libFuzzer target: the aak answer readers (connectors/aak) on arbitrary bytes — every JSON
// answer, the bank's field errors, and a camt.053.001.08 statement through the vIBAN
// assignment.
#include <cstddef>
#include <cstdint>
#include <string>

#include "connectors/aak/aak_assign.hpp"
#include "connectors/aak/aak_responses.hpp"
#include "connectors/aak/bank_errors.hpp"
#include "connectors/aak/camt_bookings.hpp"
#include "fuzz_banks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kaution;
  static const DepositDirectory directory = fuzz::sample_directory();
  const std::string body(reinterpret_cast<const char*>(data), size);
  fuzz::check(aak::read_accepted("PUT", body));
  fuzz::check(aak::read_statement_list("GET", body));
  const auto balances = aak::read_balance_page("GET", body);
  fuzz::check(balances);
  if (balances) {
    for (const aak::BalanceItem& item : balances->items)
      (void)aak::balance_deposit(item, directory);
  }
  fuzz::check(aak::read_interest_distributions("GET", body, directory));
  (void)connectors::bank_field_errors(body);
  const auto document = connectors::parse_statement_answer("GET", "fuzz", body, "camt.053.001.08");
  fuzz::check(document);
  if (document) {
    for (const formats::Statement& statement : document->statements)
      fuzz::check(aak::statement_bookings("GET", statement, directory));
  }
  return 0;
}
