// to_json gives the ledger's shape back; content_hash is the same for the same content whatever
// the key order or whitespace of the input, and changes with any field.
#include <gtest/gtest.h>

#include "mapping/deposit.hpp"
#include "sample_deposit.hpp"

namespace kaution {
namespace {

using nlohmann::json;
using test::ledger_example;
using test::ledger_example_json;

TEST(DepositJson, TheLedgerExampleComesBackAsSent) {
  EXPECT_EQ(to_json(ledger_example()), ledger_example_json());
}

TEST(DepositJson, RoundTrip) {
  Deposit d = ledger_example();
  d.parties.push_back(Party{PartyRole::guarantor, std::nullopt, std::nullopt, std::nullopt,
                            "Bürgschaft GmbH", std::nullopt, std::nullopt, Address{}});
  d.valid_until = test::day("2030-12-31");
  d.trust_account = test::iban("DE45120300001234567890");
  d.bank_ref = "5b1f";
  d.connector = BankProfile::dkb;
  d.residential = false;
  const auto again = parse_deposit(to_json(d));
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(*again, d);
}

TEST(DepositJson, AbsentFieldsAreNull) {
  json j = ledger_example_json();
  j.erase("object_no");
  j.erase("payout_account");
  const json out = to_json(*parse_deposit(j));
  EXPECT_TRUE(out.at("object_no").is_null());
  EXPECT_TRUE(out.at("payout_account").is_null());
  EXPECT_EQ(out.size(), 20u) << "every field of domain.md";
}

TEST(ContentHash, IsLowerCaseHexSha256) {
  const std::string hash = content_hash(ledger_example());
  EXPECT_EQ(hash.size(), 64u);
  EXPECT_EQ(hash.find_first_not_of("0123456789abcdef"), std::string::npos);
}

TEST(ContentHash, SameContentSameHashWhateverKeyOrderAndWhitespace) {
  const std::string reordered = R"({"residential":true,"net_cold_rent":"670.00",
    "payout_account":{"iban":"DE02 1203 0000 0000 2020 51","holder":"Natalie Schmidt"},
    "bank_ref":null,"trust_account":null,"virtual_iban":"de14550104000007223330",
    "valid_until":null,"valid_from":"2021-01-01",
    "instalments":[{"amount":"446.67","due_date":"2021-01-01"},
                   {"amount":"446.67","due_date":"2021-02-01"},
                   {"amount":"446.66","due_date":"2021-03-01"}],
    "agreed_amount":"1340.00","account_holder":"Lidia Schott",
    "parties":[{"address":{"country":"DE","city":"Dortmund","postcode":"44267",
                           "street":"Mittelweg 30"},
                "nationality":"DE","birth_date":"1990-01-01","last_name":"Schmidt",
                "first_name":"Natalie","salutation":"Frau","role":"tenant"}],
    "access":"aak-main","connector":"aak","unit_no":"10006.1.340",
    "object_owner":"Wohnbau Dortmund GmbH","object_label":"Mittelweg 30, Dortmund",
    "object_no":"P1096","rental_contract_no":"1.080000.1047","deposit_id":"D-2021-000184"})";
  const auto other = parse_deposit(json::parse(reordered));
  ASSERT_TRUE(other.has_value());
  EXPECT_EQ(content_hash(*other), content_hash(ledger_example()))
      << "absent = null, role defaults to tenant, IBAN spacing and case ignored";
}

TEST(ContentHash, ChangesWithEveryField) {
  const std::string base = content_hash(ledger_example());
  const std::vector<void (*)(Deposit&)> changes = {
      [](Deposit& d) { d.deposit_id += "x"; },
      [](Deposit& d) { d.object_label = "Mittelweg 31, Dortmund"; },
      [](Deposit& d) { d.parties[0].last_name = "Schmitt"; },
      [](Deposit& d) { d.parties[0].address->postcode = "44268"; },
      [](Deposit& d) { d.instalments[0].amount = Money::from_cents(44668); },
      [](Deposit& d) { d.instalments[0].due_date = test::day("2021-01-02"); },
      [](Deposit& d) { d.agreed_amount = Money::from_cents(134001); },
      [](Deposit& d) { d.valid_until = test::day("2030-01-01"); },
      [](Deposit& d) { d.residential = false; },
      [](Deposit& d) { d.net_cold_rent.reset(); },
      [](Deposit& d) { d.payout_account.reset(); },
  };
  for (std::size_t i = 0; i < changes.size(); ++i) {
    Deposit d = ledger_example();
    changes[i](d);
    EXPECT_NE(content_hash(d), base) << "change " << i;
  }
}

}  // namespace
}  // namespace kaution
