#include "core/iban.hpp"

#include <gtest/gtest.h>

namespace kaution {
namespace {

TEST(Iban, AcceptsValidIbans) {
  EXPECT_EQ(Iban::parse("DE14550104000007223330")->str(), "DE14550104000007223330");
  EXPECT_EQ(Iban::parse("de02 1203 0000 0000 2020 51")->str(), "DE02120300000000202051");
  EXPECT_EQ(Iban::parse("CH0309000000250090342")->country(), "CH");
  EXPECT_TRUE(Iban::parse("GB82WEST12345698765432").has_value());
  EXPECT_TRUE(Iban::parse("NL91ABNA0417164300").has_value());
}

TEST(Iban, RejectsWithReason) {
  const std::pair<const char*, const char*> cases[] = {
      {"DE14550104000007223331", "check digits do not match"},
      {"DE1455010400000722333", "22 characters"},
      {"XX14550104000007223330", "unknown IBAN country"},
      {"DE14-5501-0400", "only letters and digits"},
      {"1234", "too short"},
      {"D114550104000007223330", "country code"},
      {"DEAB550104000007223330", "check digits must be digits"},
  };
  for (const auto& [text, reason] : cases) {
    auto iban = Iban::parse(text);
    ASSERT_FALSE(iban.has_value()) << text;
    EXPECT_NE(iban.error().find(reason), std::string::npos) << iban.error();
    EXPECT_NE(iban.error().find(text), std::string::npos) << iban.error();
  }
}

TEST(Iban, CountryLengths) {
  EXPECT_EQ(iban_length_for_country("DE"), 22);
  EXPECT_EQ(iban_length_for_country("NO"), 15);
  EXPECT_EQ(iban_length_for_country("US"), 0);
}

TEST(Bic, AcceptsEightAndElevenCharacters) {
  EXPECT_EQ(Bic::parse("DAAEDEDDXXX")->str(), "DAAEDEDDXXX");
  EXPECT_EQ(Bic::parse("daaededd")->str(), "DAAEDEDD");
}

TEST(Bic, Rejects) {
  EXPECT_FALSE(Bic::parse("DAAEDED").has_value());
  EXPECT_FALSE(Bic::parse("DAAE1EDD").has_value());
  EXPECT_FALSE(Bic::parse("DAAEDEDD-XX").has_value());
  EXPECT_FALSE(Bic::parse("").has_value());
}

}  // namespace
}  // namespace kaution
