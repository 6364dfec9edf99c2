// to_dkb_tenancy: the ledger-api.md example becomes dkb.md's PUT body; limits and roles.
#include "mapping/dkb_record.hpp"

#include <gtest/gtest.h>

#include "mapping/wire_text.hpp"
#include "sample_deposit.hpp"

namespace kaution {
namespace {

using nlohmann::json;
using test::repeat;

// dkb.md, "Master data", verbatim.
constexpr std::string_view k_dkb_example = R"json({
  "collectiveIban": "DE45120300001234567890",
  "contractNumber": "1.080000.1047",
  "object": {"number": "P1096", "label": "Mittelweg 30, Dortmund"},
  "unit": "10006.1.340",
  "tenants": [{"firstName": "Natalie", "lastName": "Schmidt", "companyName": null,
               "birthDate": "1990-01-01", "street": "Mittelweg 30", "postcode": "44267",
               "city": "Dortmund", "country": "DE"}],
  "depositAmount": "1340.00",
  "start": "2021-01-01", "end": null,
  "payoutIban": "DE02120300000000202051"
})json";

const Iban k_collective = test::iban("DE45120300001234567890");

TEST(DkbRecord, TheLedgerExampleIsTheDkbExample) {
  const DkbRecord record = to_dkb_tenancy(test::ledger_example(), k_collective);
  EXPECT_EQ(record.body, json::parse(k_dkb_example));
  EXPECT_TRUE(record.notes.empty());
}

TEST(DkbRecord, NamesTo35StreetTo60) {
  Deposit d = test::ledger_example();
  d.parties[0].first_name = repeat("ł", 36);
  d.parties[0].address->street = repeat("ü", 70);
  d.object_label = repeat("x", 35);
  const DkbRecord record = to_dkb_tenancy(d, k_collective);
  EXPECT_EQ(record.body["tenants"][0]["firstName"], repeat("ł", 35)) << "UTF-8 kept for dkb";
  EXPECT_EQ(record.body["tenants"][0]["street"], repeat("ü", 60));
  EXPECT_EQ(record.body["object"]["label"], repeat("x", 35));
  ASSERT_EQ(record.notes.size(), 2u);
  EXPECT_EQ(record.notes[0].field, "parties[0].first_name");
  EXPECT_EQ(record.notes[1].field, "parties[0].address.street");
  EXPECT_EQ(record.notes[1].message, "dkb tenants[0].street: shortened from 70 to 60 characters");
}

TEST(DkbRecord, OnlyTenantsAreSentTheOthersAreNoted) {
  Deposit d = test::ledger_example();
  d.parties.insert(d.parties.begin(),
                   Party{PartyRole::guarantor, std::nullopt, "Otto", "Bürge", std::nullopt,
                         std::nullopt, std::nullopt, std::nullopt});
  d.parties.push_back(Party{PartyRole::tenant, std::nullopt, std::nullopt, std::nullopt,
                            "Schmidt Consulting GmbH", std::nullopt, std::nullopt, std::nullopt});
  d.valid_until = test::day("2030-06-30");
  const DkbRecord record = to_dkb_tenancy(d, k_collective);
  ASSERT_EQ(record.body["tenants"].size(), 2u);
  EXPECT_EQ(record.body["tenants"][0]["lastName"], "Schmidt");
  EXPECT_EQ(record.body["tenants"][1]["companyName"], "Schmidt Consulting GmbH");
  EXPECT_TRUE(record.body["tenants"][1]["street"].is_null());
  EXPECT_EQ(record.body["end"], "2030-06-30");
  ASSERT_EQ(record.notes.size(), 1u);
  EXPECT_EQ(record.notes[0].field, "parties[0]");
  EXPECT_EQ(record.notes[0].code, k_note_not_sent);
}

}  // namespace
}  // namespace kaution
