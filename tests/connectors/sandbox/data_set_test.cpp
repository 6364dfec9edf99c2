// The seeded data set: portfolio, IBANs, behaviour, interest arithmetic.
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "connectors/sandbox/interest.hpp"
#include "connectors/sandbox/portfolio.hpp"
#include "mapping/text.hpp"
#include "mapping/validate.hpp"

namespace kaution::sandbox {
namespace {

DataSetOptions options(std::uint64_t seed, std::size_t size) {
  return DataSetOptions{seed, size, *Date::parse("2026-11-20")};
}

std::string ndjson(const DataSetOptions& o) {
  std::ostringstream out;
  write_portfolio_ndjson(out, o);
  return out.str();
}

TEST(SandboxDataSet, SameSeedSamePortfolio) {
  EXPECT_EQ(ndjson(options(5, 50)), ndjson(options(5, 50)));
  EXPECT_NE(ndjson(options(5, 50)), ndjson(options(6, 50)));
}

TEST(SandboxDataSet, PortfolioIsValidLedgerJson) {
  std::istringstream lines(ndjson(options(3, 200)));
  std::set<std::string> ids;
  std::set<std::string> contracts;
  std::set<std::string> vibans;
  std::size_t long_names = 0;
  std::size_t non_dk = 0;
  std::string line;
  while (std::getline(lines, line)) {
    const auto json = nlohmann::json::parse(line);
    const auto deposit = parse_deposit(json);
    ASSERT_TRUE(deposit.has_value()) << line << "\n" << deposit.error().front().message;
    EXPECT_TRUE(ids.insert(deposit->deposit_id).second);
    EXPECT_TRUE(contracts.insert(deposit->rental_contract_no).second);
    if (deposit->connector == BankProfile::aak) {
      ASSERT_TRUE(deposit->virtual_iban.has_value());
      EXPECT_TRUE(vibans.insert(deposit->virtual_iban->str()).second);
    }
    Money sum;
    for (const Instalment& i : deposit->instalments)
      sum += i.amount;
    EXPECT_EQ(sum, deposit->agreed_amount);
    for (const Party& p : deposit->parties) {
      const std::string name = p.last_name.value_or("") + p.first_name.value_or("");
      long_names += count_chars(p.last_name.value_or("")) > 35 ? 1U : 0U;
      non_dk += to_dk_charset(name).changed ? 1U : 0U;
    }
  }
  EXPECT_EQ(ids.size(), 600U);
  EXPECT_GT(long_names, 0U);
  EXPECT_GT(non_dk, 0U);
}

TEST(SandboxDataSet, PortfolioPassesTheDaemonsRulesForTheExampleAccesses) {
  ValidationContext context;
  context.bgb551_is_error = true;
  context.accesses = {
      {"aak-main", BankProfile::aak, {}},
      {"km-main", BankProfile::km, {*Iban::parse(std::string(k_km_trust_account))}},
      {"dkb-main", BankProfile::dkb, {*Iban::parse(dkb_collective_ibans().front())}}};
  for (const Bank bank : k_banks) {
    for (const Deposit& d : portfolio(bank, options(4, 300))) {
      const ValidationResult result = validate_deposit(d, context);
      EXPECT_TRUE(result.ok() && result.warnings.empty())
          << d.deposit_id << ": "
          << (result.errors.empty() ? result.warnings.front().message
                                    : result.errors.front().message);
    }
  }
}

TEST(SandboxDataSet, TenantsAreDistinctWithinABank) {
  const auto deposits = portfolio(Bank::km, options(9, 5000));
  std::set<std::string> tenants;
  for (const Deposit& d : deposits) {
    const Party& p = d.parties.front();
    if (!p.birth_date) continue;
    const std::string key =
        p.first_name.value_or("") + "|" + *p.last_name + "|" + p.birth_date->to_string();
    EXPECT_TRUE(tenants.insert(key).second) << key;
  }
}

TEST(SandboxDataSet, GermanIbansHaveValidCheckDigits) {
  EXPECT_EQ(make_de_iban("37040044", 532013000), "DE89370400440532013000");
  EXPECT_TRUE(Iban::parse(aak_trust_iban()).has_value());
  for (const std::string& iban : dkb_collective_ibans())
    EXPECT_TRUE(Iban::parse(iban).has_value()) << iban;
  EXPECT_TRUE(Iban::parse(portfolio_viban(123, 99999)).has_value());
}

TEST(SandboxDataSet, InterestAndTaxesInCents) {
  const InterestSplit split = split_interest(Money::from_cents(335), false, false);
  EXPECT_EQ(split.withholding_tax.cents(), 84);  // the example of aak.md
  EXPECT_EQ(split.solidarity_surcharge.cents(), 4);
  EXPECT_EQ(split.net.cents(), 247);
  const InterestSplit church = split_interest(Money::from_cents(10000), true, false);
  EXPECT_EQ(church.withholding_tax.cents(), 2445);  // 100.00 / 4.09
  EXPECT_EQ(church.church_tax.cents(), 220);
  EXPECT_EQ(church.net.cents(), 10000 - 2445 - 134 - 220);
  EXPECT_EQ(split_interest(Money::from_cents(335), false, true).net.cents(), 335);
  // 1000.00 € at 0.250 % for 365 days: 2.50 €.
  EXPECT_EQ(gross_interest(100000LL * 250 * 365).cents(), 250);
}

TEST(SandboxDataSet, PlusMonthsClampsToTheMonthsEnd) {
  EXPECT_EQ(plus_months(*Date::parse("2026-01-31"), 1).to_string(), "2026-02-28");
  EXPECT_EQ(plus_months(*Date::parse("2026-11-15"), 2).to_string(), "2027-01-15");
}

}  // namespace
}  // namespace kaution::sandbox
