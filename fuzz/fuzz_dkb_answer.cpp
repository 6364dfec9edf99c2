// libFuzzer target: the dkb answer readers (connectors/dkb) on arbitrary bytes — every JSON
// answer, the bank's violations, and a camt.053.001.02 bulk statement through the assignment
// by KAUTION tag, sub-account and remittance.
#include <cstddef>
#include <cstdint>
#include <string>

#include "connectors/aak/bank_errors.hpp"
#include "connectors/aak/camt_bookings.hpp"
#include "connectors/dkb/dkb_responses.hpp"
#include "connectors/dkb/dkb_statement.hpp"
#include "fuzz_banks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kaution;
  static const DepositDirectory directory = fuzz::sample_directory();
  const std::string body(reinterpret_cast<const char*>(data), size);
  fuzz::check(dkb::read_tenancy_accepted("PUT", body));
  fuzz::check(dkb::read_balances("GET", body));
  fuzz::check(dkb::read_unassigned("GET", body));
  fuzz::check(dkb::read_booking_contract("GET", body));
  (void)connectors::bank_field_errors(body);
  (void)dkb::kaution_tag(body);
  (void)dkb::split_booking_key(body);
  const auto document = connectors::parse_statement_answer("GET", "fuzz", body, "camt.053.001.02");
  fuzz::check(document);
  if (document) {
    for (const formats::Statement& statement : document->statements)
      fuzz::check(dkb::statement_bookings("GET", statement, directory));
  }
  return 0;
}
