// parse_deposit: the ledger-api.md example, and every form error reported at once with its path.
#include <gtest/gtest.h>

#include "mapping/deposit.hpp"
#include "sample_deposit.hpp"

namespace kaution {

void PrintTo(const FieldError& e, std::ostream* os) {
  *os << "{" << e.field << ", " << e.code << ", " << e.message << "}";
}

namespace {

using nlohmann::json;
using test::day;
using test::eur;
using test::ledger_example_json;

std::vector<FieldError> errors_of(const json& input) {
  auto parsed = parse_deposit(input);
  EXPECT_FALSE(parsed.has_value());
  return parsed ? std::vector<FieldError>{} : parsed.error();
}

// (field, code) of every error, in report order.
std::vector<std::pair<std::string, std::string>> fields(const std::vector<FieldError>& errors) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const FieldError& e : errors)
    out.emplace_back(e.field, e.code);
  return out;
}

using Fields = std::vector<std::pair<std::string, std::string>>;

Fields one(const char* field, const char* code) {
  return {{field, code}};
}

TEST(ParseDeposit, TheLedgerApiExample) {
  const auto parsed = parse_deposit(ledger_example_json());
  ASSERT_TRUE(parsed.has_value());
  const Deposit& d = *parsed;
  EXPECT_EQ(d.deposit_id, "D-2021-000184");
  EXPECT_EQ(d.rental_contract_no, "1.080000.1047");
  EXPECT_EQ(d.object_no, "P1096");
  EXPECT_EQ(d.object_label, "Mittelweg 30, Dortmund");
  EXPECT_EQ(d.object_owner, "Wohnbau Dortmund GmbH");
  EXPECT_EQ(d.unit_no, "10006.1.340");
  EXPECT_EQ(d.connector, BankProfile::aak);
  EXPECT_EQ(d.access, "aak-main");
  ASSERT_EQ(d.parties.size(), 1u);
  const Party& p = d.parties[0];
  EXPECT_EQ(p.role, PartyRole::tenant);
  EXPECT_EQ(p.salutation, "Frau");
  EXPECT_EQ(p.first_name, "Natalie");
  EXPECT_EQ(p.last_name, "Schmidt");
  EXPECT_EQ(p.company_name, std::nullopt);
  EXPECT_EQ(p.birth_date, day("1990-01-01"));
  EXPECT_EQ(p.nationality, "DE");
  EXPECT_EQ(p.address, (Address{"Mittelweg 30", "44267", "Dortmund", "DE"}));
  EXPECT_EQ(d.account_holder, "Lidia Schott");
  EXPECT_EQ(d.agreed_amount, Money::from_cents(134000));
  ASSERT_EQ(d.instalments.size(), 3u);
  EXPECT_EQ(d.instalments[2].due_date, day("2021-03-01"));
  EXPECT_EQ(d.instalments[2].amount, Money::from_cents(44666));
  EXPECT_EQ(d.valid_from, day("2021-01-01"));
  EXPECT_EQ(d.valid_until, std::nullopt);
  EXPECT_EQ(d.virtual_iban->str(), "DE14550104000007223330");
  EXPECT_EQ(d.trust_account, std::nullopt);
  EXPECT_EQ(d.bank_ref, std::nullopt);
  EXPECT_EQ(d.payout_account->holder, "Natalie Schmidt");
  EXPECT_EQ(d.payout_account->iban.str(), "DE02120300000000202051");
  EXPECT_EQ(d.net_cold_rent, Money::from_cents(67000));
  EXPECT_TRUE(d.residential);
}

TEST(ParseDeposit, DefaultsAndAbsentFields) {
  json j = ledger_example_json();
  j.erase("residential");
  j.erase("valid_until");
  j.erase("net_cold_rent");
  j["parties"][0].erase("role");
  j["object_no"] = "";  // an empty optional text is absent
  j["virtual_iban"] = "de14 5501 0400 0007 2233 30";
  const auto d = parse_deposit(j);
  ASSERT_TRUE(d.has_value());
  EXPECT_TRUE(d->residential);
  EXPECT_EQ(d->parties[0].role, PartyRole::tenant);
  EXPECT_EQ(d->net_cold_rent, std::nullopt);
  EXPECT_EQ(d->object_no, std::nullopt);
  EXPECT_EQ(d->virtual_iban->str(), "DE14550104000007223330") << "IBANs are kept compact";
}

TEST(ParseDeposit, NotAnObject) {
  EXPECT_EQ(fields(errors_of(json::array())), one("/", "TYPE"));
  EXPECT_EQ(fields(errors_of("deposit")), one("/", "TYPE"));
}

TEST(ParseDeposit, UnknownFieldsAreRejectedNotLost) {
  json j = ledger_example_json();
  j["agreed_amout"] = "1340.00";
  j["parties"][0]["lastname"] = "Schmidt";
  j["parties"][0]["address"]["zip"] = "44267";
  j["instalments"][1]["note"] = "x";
  j["payout_account"]["bic"] = "COBADEFFXXX";
  const auto errors = errors_of(j);
  EXPECT_EQ(fields(errors), (Fields{{"agreed_amout", "UNKNOWN_FIELD"},
                                    {"parties[0].lastname", "UNKNOWN_FIELD"},
                                    {"parties[0].address.zip", "UNKNOWN_FIELD"},
                                    {"instalments[1].note", "UNKNOWN_FIELD"},
                                    {"payout_account.bic", "UNKNOWN_FIELD"}}));
  EXPECT_NE(errors[0].message.find("agreed_amount"), std::string::npos) << "lists the allowed";
}

TEST(ParseDeposit, RequiredFields) {
  json j = ledger_example_json();
  for (const char* key : {"deposit_id", "rental_contract_no", "parties", "agreed_amount",
                          "instalments", "valid_from"})
    j.erase(key);
  j["payout_account"] = json::object();
  j["instalments"] = {{{"due_date", nullptr}}};
  EXPECT_EQ(fields(errors_of(j)), (Fields{{"deposit_id", "REQUIRED"},
                                          {"rental_contract_no", "REQUIRED"},
                                          {"parties", "REQUIRED"},
                                          {"agreed_amount", "REQUIRED"},
                                          {"instalments[0].due_date", "REQUIRED"},
                                          {"instalments[0].amount", "REQUIRED"},
                                          {"valid_from", "REQUIRED"},
                                          {"payout_account.holder", "REQUIRED"},
                                          {"payout_account.iban", "REQUIRED"}}));
}

TEST(ParseDeposit, NegativeAndZeroAmounts) {
  json j = ledger_example_json();
  j["agreed_amount"] = "-1340.00";
  j["instalments"][1]["amount"] = "0.00";
  j["net_cold_rent"] = "-670.00";
  const auto errors = errors_of(j);
  EXPECT_EQ(fields(errors), (Fields{{"agreed_amount", "NOT_POSITIVE"},
                                    {"instalments[1].amount", "NOT_POSITIVE"},
                                    {"net_cold_rent", "NOT_POSITIVE"}}));
  EXPECT_NE(errors[0].message.find("-1340.00"), std::string::npos);
  j["agreed_amount"] = "0.00";
  EXPECT_EQ(fields(errors_of(j)).front(),
            std::make_pair(std::string("agreed_amount"), std::string("NOT_POSITIVE")));
}

TEST(ParseDeposit, AmountsAreStringsWithADot) {
  json j = ledger_example_json();
  j["agreed_amount"] = 1340.00;
  j["instalments"][0]["amount"] = "446,67";
  j["instalments"][1]["amount"] = "446.6";
  j["instalments"][2]["amount"] = "1e3";
  j["net_cold_rent"] = "1.340,00";
  EXPECT_EQ(fields(errors_of(j)), (Fields{{"agreed_amount", "TYPE"},
                                          {"instalments[0].amount", "INVALID_AMOUNT"},
                                          {"instalments[1].amount", "INVALID_AMOUNT"},
                                          {"instalments[2].amount", "INVALID_AMOUNT"},
                                          {"net_cold_rent", "INVALID_AMOUNT"}}));
  j = ledger_example_json();
  j["agreed_amount"] = "1340";
  ASSERT_TRUE(parse_deposit(j).has_value()) << "Money::parse's whole euros";
  EXPECT_EQ(parse_deposit(j)->agreed_amount, eur("1340.00"));
}

TEST(ParseDeposit, InvalidDates) {
  json j = ledger_example_json();
  j["valid_from"] = "2026-02-30";
  j["valid_until"] = "01.03.2026";
  j["instalments"][1]["due_date"] = "2026-13-01";
  j["parties"][0]["birth_date"] = 19900101;
  const auto errors = errors_of(j);
  EXPECT_EQ(fields(errors), (Fields{{"parties[0].birth_date", "TYPE"},
                                    {"instalments[1].due_date", "INVALID_DATE"},
                                    {"valid_from", "INVALID_DATE"},
                                    {"valid_until", "INVALID_DATE"}}));
  EXPECT_NE(errors[2].message.find("2026-02-30"), std::string::npos);
}

TEST(ParseDeposit, InvalidIbans) {
  json j = ledger_example_json();
  j["virtual_iban"] = "DE14550104000007223331";  // check digits
  j["trust_account"] = "DE1455010400000722333";  // length
  j["payout_account"]["iban"] = "XX02120300000000202051";
  EXPECT_EQ(fields(errors_of(j)), (Fields{{"virtual_iban", "INVALID_IBAN"},
                                          {"trust_account", "INVALID_IBAN"},
                                          {"payout_account.iban", "INVALID_IBAN"}}));
}

TEST(ParseDeposit, LengthsInCharacters) {
  json j = ledger_example_json();
  j["deposit_id"] = std::string(64, 'x');
  EXPECT_TRUE(parse_deposit(j).has_value()) << "64 is the limit";
  j["deposit_id"] = std::string(65, 'x');
  EXPECT_EQ(fields(errors_of(j)), one("deposit_id", "TOO_LONG"));
  j["deposit_id"] = "";
  EXPECT_EQ(fields(errors_of(j)), one("deposit_id", "REQUIRED"));
  j = ledger_example_json();
  j["parties"][0]["last_name"] = test::repeat("ü", 255);
  EXPECT_TRUE(parse_deposit(j).has_value()) << "255 characters, 510 bytes";
  j["parties"][0]["last_name"] = test::repeat("ü", 256);
  EXPECT_EQ(fields(errors_of(j)), one("parties[0].last_name", "TOO_LONG"));
}

TEST(ParseDeposit, ControlCharactersAndInvalidUtf8) {
  json j = ledger_example_json();
  j["object_label"] = "Mittelweg 30\nDortmund";
  j["parties"][0]["first_name"] = std::string("Nat\0alie", 8);
  j["account_holder"] = "Lidia\x7FSchott";
  j["object_owner"] = "Wohnbau \xC2\x85 GmbH";  // U+0085, a C1 control
  j["unit_no"] = "10006\xFF";
  EXPECT_EQ(fields(errors_of(j)), (Fields{{"object_label", "CONTROL_CHARACTER"},
                                          {"object_owner", "CONTROL_CHARACTER"},
                                          {"unit_no", "INVALID_UTF8"},
                                          {"parties[0].first_name", "CONTROL_CHARACTER"},
                                          {"account_holder", "CONTROL_CHARACTER"}}));
}

TEST(ParseDeposit, WrongTypesAndValues) {
  json j = ledger_example_json();
  j["parties"] = json::object();
  j["instalments"] = {"2021-01-01"};
  j["residential"] = "yes";
  j["connector"] = "sparkasse";
  j["deposit_id"] = 184;
  j["payout_account"] = "DE02120300000000202051";
  EXPECT_EQ(fields(errors_of(j)), (Fields{{"deposit_id", "TYPE"},
                                          {"connector", "INVALID_VALUE"},
                                          {"parties", "TYPE"},
                                          {"instalments[0]", "TYPE"},
                                          {"payout_account", "TYPE"},
                                          {"residential", "TYPE"}}));
  j = ledger_example_json();
  j["parties"][0]["role"] = "landlord";
  j["parties"][0]["nationality"] = "deu";
  j["parties"][0]["address"]["country"] = "de";
  j["parties"][0]["address"]["street"] = 30;
  EXPECT_EQ(fields(errors_of(j)), (Fields{{"parties[0].role", "INVALID_VALUE"},
                                          {"parties[0].nationality", "INVALID_COUNTRY"},
                                          {"parties[0].address.street", "TYPE"},
                                          {"parties[0].address.country", "INVALID_COUNTRY"}}));
}

TEST(ParseDeposit, EveryErrorAtOnce) {
  const json j = json::parse(R"({
    "deposit_id": "", "rental_contract_no": null, "connector": "aak", "acess": "aak-main",
    "parties": [{"role": "tenant", "last_name": "Schmidt\u0007", "birth_date": "1990-02-30"},
                "Natalie"],
    "agreed_amount": "-1.00",
    "instalments": [{"due_date": "2021-01-01", "amount": 446.67}],
    "valid_from": "2026-02-30",
    "virtual_iban": "DE00", "payout_account": {"holder": "N", "iban": "DE02120300000000202052"}
  })");
  EXPECT_EQ(fields(errors_of(j)), (Fields{{"acess", "UNKNOWN_FIELD"},
                                          {"deposit_id", "REQUIRED"},
                                          {"rental_contract_no", "REQUIRED"},
                                          {"parties[0].last_name", "CONTROL_CHARACTER"},
                                          {"parties[0].birth_date", "INVALID_DATE"},
                                          {"parties[1]", "TYPE"},
                                          {"agreed_amount", "NOT_POSITIVE"},
                                          {"instalments[0].amount", "TYPE"},
                                          {"valid_from", "INVALID_DATE"},
                                          {"virtual_iban", "INVALID_IBAN"},
                                          {"payout_account.iban", "INVALID_IBAN"}}));
}

}  // namespace
}  // namespace kaution
