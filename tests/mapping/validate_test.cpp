// validate_deposit: every rule of domain.md with its field path, all findings at once; §551 as
// warnings or, when configured, errors; the one-active-deposit-per-contract helper.
#include "mapping/validate.hpp"

#include <gtest/gtest.h>

#include "sample_deposit.hpp"

namespace kaution {
namespace {

using test::day;
using test::eur;
using test::iban;
using test::ledger_example;
using Fields = std::vector<std::pair<std::string, std::string>>;

Fields fields(const std::vector<FieldError>& errors) {
  Fields out;
  for (const FieldError& e : errors)
    out.emplace_back(e.field, e.code);
  return out;
}

const char* const k_trust_1 = "DE14550104000007223330";
const char* const k_trust_2 = "DE89370400440532013000";
const char* const k_collective = "DE45120300001234567890";

ValidationContext context() {
  ValidationContext c;
  c.accesses.push_back({"aak-main", BankProfile::aak, {}});
  c.accesses.push_back({"km-two", BankProfile::km, {iban(k_trust_1), iban(k_trust_2)}});
  c.accesses.push_back({"km-one", BankProfile::km, {iban(k_trust_1)}});
  c.accesses.push_back({"km-none", BankProfile::km, {}});
  c.accesses.push_back({"dkb-main", BankProfile::dkb, {iban(k_collective)}});
  return c;
}

Deposit on(BankProfile connector, const char* access) {
  Deposit d = ledger_example();
  d.connector = connector;
  d.access = access;
  return d;
}

TEST(Validate, TheLedgerExampleIsValidWithoutWarnings) {
  const ValidationResult r = validate_deposit(ledger_example(), context());
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(fields(r.errors), Fields{});
  EXPECT_EQ(fields(r.warnings), Fields{});
}

TEST(Validate, EveryErrorAtOnceWithItsFieldPath) {
  Deposit d = ledger_example();
  d.parties.push_back(Party{});  // neither last_name nor company_name
  d.parties[0].last_name.reset();
  d.instalments[2].amount = eur("446.00");
  d.valid_until = day("2020-12-31");
  d.virtual_iban.reset();
  d.object_label.reset();
  d.account_holder.reset();
  d.trust_account = iban(k_trust_1);
  d.rental_contract_no = std::string(36, '1');
  const ValidationResult r = validate_deposit(d, context());
  EXPECT_EQ(fields(r.errors), (Fields{{"parties[0].last_name", "REQUIRED"},
                                      {"parties[1].last_name", "REQUIRED"},
                                      {"instalments", "AMOUNT_MISMATCH"},
                                      {"valid_until", "INVALID_DATE"},
                                      {"trust_account", "NOT_OF_ACCESS"},
                                      {"object_label", "REQUIRED"},
                                      {"account_holder", "REQUIRED"},
                                      {"virtual_iban", "REQUIRED"},
                                      {"rental_contract_no", "TOO_LONG"}}));
  EXPECT_NE(r.errors[2].message.find("1339.34"), std::string::npos) << r.errors[2].message;
}

TEST(Validate, AtLeastOnePartyAndOneInstalment) {
  Deposit d = ledger_example();
  d.parties.clear();
  d.instalments.clear();
  EXPECT_EQ(fields(validate_deposit(d, context()).errors),
            (Fields{{"parties", "REQUIRED"}, {"instalments", "REQUIRED"}}));
}

TEST(Validate, CompanyNameInsteadOfLastName) {
  Deposit d = ledger_example();
  d.parties[0].last_name.reset();
  d.parties[0].company_name = "Schmidt Immobilien GmbH";
  EXPECT_TRUE(validate_deposit(d, context()).ok());
}

TEST(Validate, InstalmentsMustAddUpToTheCent) {
  Deposit d = ledger_example();
  d.instalments[2].amount = eur("446.67");
  const ValidationResult r = validate_deposit(d, context());
  EXPECT_EQ(fields(r.errors), (Fields{{"instalments", "AMOUNT_MISMATCH"}}));
  EXPECT_EQ(r.errors[0].message, "the instalments add up to 1340.01, agreed_amount is 1340.00");
}

TEST(Validate, AccessMustExistAndBeOfTheConnector) {
  EXPECT_EQ(fields(validate_deposit(on(BankProfile::aak, "aak-other"), context()).errors),
            (Fields{{"access", "UNKNOWN_ACCESS"}}));
  const ValidationResult r = validate_deposit(on(BankProfile::aak, "dkb-main"), context());
  EXPECT_EQ(fields(r.errors), (Fields{{"access", "CONNECTOR_MISMATCH"}}));
  EXPECT_EQ(r.errors[0].message, "access dkb-main is a dkb access, the deposit's connector is aak");
  Deposit no_access = ledger_example();
  no_access.access.reset();
  EXPECT_EQ(fields(validate_deposit(no_access, context()).errors),
            (Fields{{"access", "REQUIRED"}}));
  Deposit no_connector = ledger_example();
  no_connector.connector.reset();
  EXPECT_EQ(fields(validate_deposit(no_connector, context()).errors),
            (Fields{{"connector", "REQUIRED"}}));
}

TEST(Validate, NotBankHeldNeedsNoExportFields) {
  Deposit d = ledger_example();
  d.connector.reset();
  d.access.reset();
  d.virtual_iban.reset();
  d.object_label.reset();
  d.account_holder.reset();
  EXPECT_TRUE(validate_deposit(d, context()).ok());
}

TEST(Validate, KmNeedsAnOwnerAndDkContractNumber) {
  Deposit d = on(BankProfile::km, "km-one");
  EXPECT_TRUE(validate_deposit(d, context()).ok()) << "one trust account: may be left out";
  d.object_owner.reset();
  d.rental_contract_no = "1.080000_1047";
  EXPECT_EQ(fields(validate_deposit(d, context()).errors),
            (Fields{{"object_owner", "REQUIRED"}, {"rental_contract_no", "CHARACTER_SET"}}));
}

TEST(Validate, TrustAccountRequiredWhenTheAccessHasSeveral) {
  Deposit d = on(BankProfile::km, "km-two");
  const ValidationResult r = validate_deposit(d, context());
  EXPECT_EQ(fields(r.errors), (Fields{{"trust_account", "REQUIRED"}}));
  EXPECT_NE(r.errors[0].message.find(k_trust_2), std::string::npos) << "names the choices";
  d.trust_account = iban(k_trust_2);
  EXPECT_TRUE(validate_deposit(d, context()).ok());
  d.trust_account = iban(k_collective);
  EXPECT_EQ(fields(validate_deposit(d, context()).errors),
            (Fields{{"trust_account", "NOT_OF_ACCESS"}}));
  EXPECT_EQ(fields(validate_deposit(on(BankProfile::km, "km-none"), context()).errors),
            (Fields{{"trust_account", "REQUIRED"}}));
}

TEST(Validate, DkbCollectiveIbanAndATenant) {
  Deposit d = on(BankProfile::dkb, "dkb-main");
  EXPECT_TRUE(validate_deposit(d, context()).ok());
  d.trust_account = iban(k_trust_1);
  d.parties[0].role = PartyRole::guarantor;
  EXPECT_EQ(fields(validate_deposit(d, context()).errors),
            (Fields{{"trust_account", "NOT_OF_ACCESS"}, {"parties", "REQUIRED"}}));
}

TEST(Validate, ResolveTrustAccount) {
  const ValidationContext c = context();
  Deposit d = on(BankProfile::km, "km-one");
  EXPECT_EQ(resolve_trust_account(d, *find_access(c, "km-one")), iban(k_trust_1));
  EXPECT_EQ(resolve_trust_account(d, *find_access(c, "km-two")), std::nullopt);
  d.trust_account = iban(k_trust_2);
  EXPECT_EQ(resolve_trust_account(d, *find_access(c, "km-two")), iban(k_trust_2));
  EXPECT_EQ(find_access(c, "nope"), nullptr);
}

TEST(Bgb551, AmountAboveThreeRentsIsAWarning) {
  Deposit d = ledger_example();
  d.net_cold_rent = eur("446.66");  // 3 × = 1339.98 < 1340.00
  ValidationResult r = validate_deposit(d, context());
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(fields(r.warnings), (Fields{{"agreed_amount", "BGB551_AMOUNT"}}));
  EXPECT_NE(r.warnings[0].message.find("1339.98"), std::string::npos);
  d.net_cold_rent = eur("446.67");  // 3 × = 1340.01
  EXPECT_TRUE(validate_deposit(d, context()).warnings.empty());
  d.net_cold_rent.reset();
  EXPECT_TRUE(validate_deposit(d, context()).warnings.empty()) << "rent unknown: no check";
}

TEST(Bgb551, MoreThanThreeInstalmentsIsAWarning) {
  Deposit d = ledger_example();
  d.instalments[2].amount = eur("223.33");
  d.instalments.push_back({day("2021-04-01"), eur("223.33")});
  const ValidationResult r = validate_deposit(d, context());
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(fields(r.warnings), (Fields{{"instalments", "BGB551_INSTALMENTS"}}));
}

TEST(Bgb551, DueDatesNotBeforeTheRents) {
  Deposit d = ledger_example();
  d.valid_from = day("2021-01-15");
  EXPECT_TRUE(validate_deposit(d, context()).warnings.empty())
      << "first at the start of valid_from's month, then with the next two rents";
  d.instalments[0].due_date = day("2020-12-31");
  d.instalments[2].due_date = day("2021-02-15");  // third instalment before March
  const ValidationResult r = validate_deposit(d, context());
  EXPECT_EQ(fields(r.warnings), (Fields{{"instalments[0].due_date", "BGB551_DUE_DATE"},
                                        {"instalments[2].due_date", "BGB551_DUE_DATE"}}));
  EXPECT_NE(r.warnings[1].message.find("not before 2021-03-01"), std::string::npos)
      << r.warnings[1].message;
  Deposit all_at_once = ledger_example();
  all_at_once.instalments = {{day("2021-01-01"), eur("1340.00")}};
  EXPECT_TRUE(validate_deposit(all_at_once, context()).warnings.empty());
  all_at_once.instalments = {{day("2022-08-09"), eur("1340.00")}};
  EXPECT_TRUE(validate_deposit(all_at_once, context()).warnings.empty()) << "later is allowed";
}

TEST(Bgb551, DueDatesInDueOrderAcrossTheYearEnd) {
  Deposit d = ledger_example();
  d.valid_from = day("2021-11-01");
  d.instalments = {{day("2022-01-01"), eur("446.67")},
                   {day("2021-11-01"), eur("446.67")},
                   {day("2021-12-01"), eur("446.66")}};
  EXPECT_TRUE(validate_deposit(d, context()).warnings.empty());
  d.instalments[0].due_date = day("2021-12-31");
  EXPECT_EQ(fields(validate_deposit(d, context()).warnings),
            (Fields{{"instalments[0].due_date", "BGB551_DUE_DATE"}}));
}

TEST(Bgb551, ErrorsWhenConfigured) {
  Deposit d = ledger_example();
  d.net_cold_rent = eur("400.00");
  d.instalments[0].due_date = day("2020-12-01");
  ValidationContext c = context();
  c.bgb551_is_error = true;
  const ValidationResult r = validate_deposit(d, c);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(fields(r.errors), (Fields{{"agreed_amount", "BGB551_AMOUNT"},
                                      {"instalments[0].due_date", "BGB551_DUE_DATE"}}));
  EXPECT_TRUE(r.warnings.empty());
}

TEST(Bgb551, OnlyForResidentialLeases) {
  Deposit d = ledger_example();
  d.residential = false;
  d.net_cold_rent = eur("100.00");
  d.instalments[0].due_date = day("2020-01-01");
  EXPECT_TRUE(validate_deposit(d, context()).warnings.empty());
}

TEST(SingleActiveDeposit, ASecondActiveDepositOnTheContractIsAnError) {
  const Deposit d = ledger_example();
  EXPECT_EQ(check_single_active_deposit(d, {}), std::nullopt);
  const std::vector<std::string> self{"D-2021-000184"};
  EXPECT_EQ(check_single_active_deposit(d, self), std::nullopt) << "its own id is ignored";
  const std::vector<std::string> other{"D-2019-000007", "D-2021-000184"};
  const std::optional<FieldError> e = check_single_active_deposit(d, other);
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->field, "rental_contract_no");
  EXPECT_EQ(e->code, "ACTIVE_DEPOSIT_EXISTS");
  EXPECT_NE(e->message.find("D-2019-000007"), std::string::npos);
  EXPECT_NE(e->message.find("1.080000.1047"), std::string::npos);
  Deposit not_bank_held = d;
  not_bank_held.connector.reset();
  EXPECT_EQ(check_single_active_deposit(not_bank_held, other), std::nullopt);
}

}  // namespace
}  // namespace kaution
