// canonical_json writes exactly what to_json(deposit).dump() writes: the stored master data and
// its content hash must not change with the writer.
#include <gtest/gtest.h>

#include "mapping/canonical_json.hpp"
#include "sample_deposit.hpp"

namespace kaution {
namespace {

using test::ledger_example;

void expect_same_as_dom(const Deposit& d) {
  EXPECT_EQ(canonical_json(d), to_json(d).dump());
}

TEST(CanonicalJson, TheLedgerExample) {
  expect_same_as_dom(ledger_example());
}

TEST(CanonicalJson, EveryOptionalFieldAbsent) {
  Deposit d;
  d.deposit_id = "D-1";
  d.rental_contract_no = "1.0";
  d.agreed_amount = test::eur("1.00");
  expect_same_as_dom(d);  // no parties, no instalments: empty arrays
}

TEST(CanonicalJson, EveryOptionalFieldPresent) {
  Deposit d = ledger_example();
  d.parties.push_back(Party{PartyRole::guarantor, "Herr", "Jan", "Łukasz", "Bürgschaft GmbH",
                            test::day("1970-12-31"), "PL",
                            Address{"Straße 1", "01234", "Köln", "DE"}});
  d.parties.push_back(Party{PartyRole::other, {}, {}, {}, "X", {}, {}, Address{}});
  d.valid_until = test::day("2030-12-31");
  d.trust_account = test::iban("DE45120300001234567890");
  d.bank_ref = "5b1f";
  d.connector = BankProfile::km;
  d.residential = false;
  d.net_cold_rent = test::eur("0.01");
  expect_same_as_dom(d);
}

TEST(CanonicalJson, EscapesAsNlohmannDoes) {
  Deposit d = ledger_example();
  std::string every_control;
  for (char c = 1; c < 0x20; ++c)
    every_control += c;
  d.object_label = "quote \" backslash \\ slash / del \x7f " + every_control;
  d.account_holder = "ü € 𝄞 „Zitat“";
  d.object_no = std::string("nul\0byte", 8);
  expect_same_as_dom(d);
}

TEST(CanonicalJson, ContentHashFollowsIt) {
  const Deposit d = ledger_example();
  Deposit other = d;
  other.unit_no = "x";
  EXPECT_NE(content_hash(d), content_hash(other));
  EXPECT_EQ(content_hash(d), content_hash(ledger_example()));
}

}  // namespace
}  // namespace kaution
