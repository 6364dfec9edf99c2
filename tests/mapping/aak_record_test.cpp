// to_aak_record: the ledger-api.md example becomes aak.md's PUT body field by field; names are
// shortened to 35 characters and address lines to 60, each with a note.
#include "mapping/aak_record.hpp"

#include <gtest/gtest.h>

#include "mapping/wire_text.hpp"
#include "sample_deposit.hpp"

namespace kaution {
namespace {

using nlohmann::json;
using test::repeat;

// aak.md, "Master data", verbatim.
constexpr std::string_view k_aak_example = R"json({
  "contractNumber": "1.080000.1047",
  "uuid": null,
  "virtualIban": "DE14550104000007223330",
  "object": {"number": "P1096", "label": "Mittelweg 30, Dortmund"},
  "unit": "10006.1.340",
  "accountHolder": "Lidia Schott",
  "tenants": [{
    "role": "TENANT", "salutation": "Frau", "firstName": "Natalie", "lastName": "Schmidt",
    "companyName": null, "birthDate": "1990-01-01", "nationality": "DE",
    "address": {"line1": "Mittelweg 30", "postcode": "44267", "city": "Dortmund", "country": "DE"}
  }],
  "amount": "1340.00", "currency": "EUR",
  "instalments": [{"dueDate": "2022-08-09", "amount": "1340.00"}],
  "validFrom": "2021-01-01", "validUntil": null,
  "payoutAccount": {"holder": "Natalie Schmidt", "iban": "DE02120300000000202051"}
})json";

TEST(AakRecord, TheLedgerExampleMatchesTheAakExampleFieldByField) {
  const json expected = json::parse(k_aak_example);
  const AakRecord record = to_aak_record(test::ledger_example());
  for (const auto& [key, value] : expected.items()) {
    ASSERT_TRUE(record.body.contains(key)) << key;
    if (key == "instalments") continue;  // the two examples have different instalments
    EXPECT_EQ(record.body.at(key), value) << key;
  }
  EXPECT_EQ(record.body.size(), expected.size()) << "no field beyond the spec's";
  EXPECT_EQ(record.body.at("instalments"),
            json::parse(R"([{"dueDate": "2021-01-01", "amount": "446.67"},
                            {"dueDate": "2021-02-01", "amount": "446.67"},
                            {"dueDate": "2021-03-01", "amount": "446.66"}])"));
  EXPECT_TRUE(record.notes.empty());
}

TEST(AakRecord, WithTheSameInstalmentTheWholeBodyIsTheSpecExample) {
  Deposit d = test::ledger_example();
  d.instalments = {{test::day("2022-08-09"), test::eur("1340.00")}};
  EXPECT_EQ(to_aak_record(d).body, json::parse(k_aak_example));
}

TEST(AakRecord, NamesTo35CharactersAddressTo60KeepingUtf8) {
  Deposit d = test::ledger_example();
  d.parties[0].last_name = repeat("ü", 40);
  d.parties[0].first_name = repeat("é", 35);  // exactly the limit: unchanged
  d.parties[0].address->street = repeat("ß", 61);
  d.object_label = repeat("Ö", 36);
  d.account_holder = repeat("a", 34) + "😀" + "b";
  const AakRecord record = to_aak_record(d);
  const json& tenant = record.body["tenants"][0];
  EXPECT_EQ(tenant["lastName"], repeat("ü", 35));
  EXPECT_TRUE(test::well_formed_utf8(tenant["lastName"].get<std::string>()));
  EXPECT_EQ(tenant["firstName"], repeat("é", 35));
  EXPECT_EQ(tenant["address"]["line1"], repeat("ß", 60));
  EXPECT_EQ(record.body["object"]["label"], repeat("Ö", 35));
  EXPECT_EQ(record.body["accountHolder"], repeat("a", 34) + "😀");
  std::vector<std::string> shortened;
  for (const FieldError& note : record.notes) {
    EXPECT_EQ(note.code, k_note_shortened);
    shortened.push_back(note.field);
  }
  EXPECT_EQ(shortened,
            (std::vector<std::string>{"parties[0].last_name", "parties[0].address.street",
                                      "object_label", "account_holder"}));
  EXPECT_EQ(record.notes[0].message, "aak tenants[0].lastName: shortened from 40 to 35 characters");
  EXPECT_EQ(d.parties[0].last_name, repeat("ü", 40)) << "the deposit keeps the full name";
}

TEST(AakRecord, RolesCompaniesMigrationAndAbsentValues) {
  Deposit d = test::ledger_example();
  d.parties.push_back(Party{PartyRole::guarantor, std::nullopt, std::nullopt, std::nullopt,
                            "Bürgschaftsbank AG", std::nullopt, std::nullopt, std::nullopt});
  d.parties.push_back(Party{PartyRole::other, "Herr", "Max", "Muster", std::nullopt, std::nullopt,
                            std::nullopt, std::nullopt});
  d.bank_ref = "5b1f0c7e";
  d.valid_until = test::day("2031-12-31");
  d.payout_account.reset();
  const json body = to_aak_record(d).body;
  EXPECT_EQ(body["uuid"], "5b1f0c7e");
  EXPECT_EQ(body["validUntil"], "2031-12-31");
  EXPECT_TRUE(body["payoutAccount"].is_null());
  EXPECT_EQ(body["tenants"][1]["role"], "GUARANTOR");
  EXPECT_EQ(body["tenants"][1]["companyName"], "Bürgschaftsbank AG");
  EXPECT_TRUE(body["tenants"][1]["address"].is_null());
  EXPECT_EQ(body["tenants"][2]["role"], "OTHER");
}

}  // namespace
}  // namespace kaution
