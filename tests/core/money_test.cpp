#include "core/money.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace kaution {
namespace {

std::int64_t cents_of(std::string_view text) {
  auto m = Money::parse(text);
  EXPECT_TRUE(m.has_value()) << text << ": " << (m ? "" : m.error());
  return m ? m->cents() : 0;
}

TEST(MoneyParse, AcceptsDotDecimal) {
  EXPECT_EQ(cents_of("1340.00"), 134000);
  EXPECT_EQ(cents_of("0.01"), 1);
  EXPECT_EQ(cents_of("-0.50"), -50);
  EXPECT_EQ(cents_of("446.67"), 44667);
}

TEST(MoneyParse, AcceptsGermanFormat) {
  EXPECT_EQ(cents_of("1.340,00"), 134000);
  EXPECT_EQ(cents_of("1340,00"), 134000);
  EXPECT_EQ(cents_of("-1.234.567,89"), -123456789);
  EXPECT_EQ(cents_of("0,05"), 5);
}

TEST(MoneyParse, AcceptsWholeAmounts) {
  EXPECT_EQ(cents_of("1340"), 134000);
}

struct BadAmount {
  const char* text;
  const char* reason;
};

class MoneyRejects : public testing::TestWithParam<BadAmount> {};

TEST_P(MoneyRejects, WithMessageNamingTheText) {
  auto m = Money::parse(GetParam().text);
  ASSERT_FALSE(m.has_value()) << GetParam().text << " parsed as " << m->cents();
  EXPECT_NE(m.error().find(GetParam().text), std::string::npos) << m.error();
  EXPECT_NE(m.error().find(GetParam().reason), std::string::npos) << m.error();
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MoneyRejects,
    testing::Values(BadAmount{"1,2,3", "more than one ','"}, BadAmount{"1e5", "only digits"},
                    BadAmount{"12.345", "two decimals"}, BadAmount{"12.3", "two decimals"},
                    BadAmount{"1.340", "two decimals"}, BadAmount{"", "no digits"},
                    BadAmount{"-", "no digits"}, BadAmount{"+5.00", "only digits"},
                    BadAmount{" 5.00", "only digits"}, BadAmount{"5.00 ", "only digits"},
                    BadAmount{".50", "no digits before"}, BadAmount{"1.2.3", "more than one"},
                    BadAmount{"12.34,00", "three digits"}, BadAmount{"1.34,00", "three digits"},
                    BadAmount{"NaN", "only digits"}, BadAmount{"0x10", "only digits"},
                    BadAmount{"92233720368547758.08", "out of range"},
                    BadAmount{"99999999999999999999", "out of range"}));

TEST(MoneyParse, LargestAmountsAtTheEdge) {
  EXPECT_EQ(cents_of("92233720368547758.07"), std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(cents_of("-92233720368547758.07"), -std::numeric_limits<std::int64_t>::max());
}

TEST(MoneyParseDecimal, StatementAmounts) {
  EXPECT_EQ(Money::parse_decimal("18.150")->cents(), 1815);
  EXPECT_EQ(Money::parse_decimal("5442.09000")->cents(), 544209);
  EXPECT_EQ(Money::parse_decimal("100")->cents(), 10000);
  EXPECT_EQ(Money::parse_decimal("1234,5", ',')->cents(), 123450);
  EXPECT_EQ(Money::parse_decimal("100,", ',')->cents(), 10000);
  EXPECT_FALSE(Money::parse_decimal("18.155").has_value());
  EXPECT_FALSE(Money::parse_decimal("1.000001").has_value());
  EXPECT_FALSE(Money::parse_decimal("-1.00").has_value());
  EXPECT_FALSE(Money::parse_decimal("1e5").has_value());
  EXPECT_FALSE(Money::parse_decimal(",5", ',').has_value());
  EXPECT_FALSE(Money::parse_decimal("99999999999999999999").has_value());
}

TEST(MoneyFormat, WireAndGerman) {
  EXPECT_EQ(Money::from_cents(134000).to_string(), "1340.00");
  EXPECT_EQ(Money::from_cents(-50).to_string(), "-0.50");
  EXPECT_EQ(Money::from_cents(5).to_string(), "0.05");
  EXPECT_EQ(Money::from_cents(123456789).to_german(), "1.234.567,89");
  EXPECT_EQ(Money::from_cents(-134000).to_german(), "-1.340,00");
  EXPECT_EQ(Money::from_cents(std::numeric_limits<std::int64_t>::min()).to_string(),
            "-92233720368547758.08");
}

TEST(MoneyFormat, RoundTrips) {
  for (std::int64_t c : {0L, 1L, -1L, 99L, 100L, -100L, 123456L, -98765432L}) {
    EXPECT_EQ(Money::parse(Money::from_cents(c).to_string())->cents(), c);
    EXPECT_EQ(Money::parse(Money::from_cents(c).to_german())->cents(), c);
  }
}

TEST(MoneyArithmetic, CheckedOverflow) {
  const Money max = Money::from_cents(std::numeric_limits<std::int64_t>::max());
  EXPECT_FALSE(max.checked_add(Money::from_cents(1)).has_value());
  EXPECT_FALSE((-max).checked_sub(Money::from_cents(2)).has_value());
  EXPECT_EQ(Money::from_cents(10).checked_add(Money::from_cents(-15))->cents(), -5);
}

}  // namespace
}  // namespace kaution
