// Assignment: contract numbers in remittance texts (spaces and line breaks inside, text around,
// never when two contracts match) and accounts (vIBAN, sub-account).
#include "mapping/assign.hpp"

#include <chrono>

#include <gtest/gtest.h>

namespace kaution {
namespace {

ContractIndex index_of(std::initializer_list<const char*> contracts) {
  ContractIndex index;
  for (const char* c : contracts)
    index.add(c);
  return index;
}

const ContractIndex k_index =
    index_of({"1.080000.1047", "1.080000.1048", "1.080000.10", "MV-2020/17", "4711"});

std::optional<std::string> assigned(std::string_view remittance) {
  return find_contract_numbers(remittance, k_index).contract_no;
}

TEST(FindContractNumbers, ExactAndWithSurroundingText) {
  EXPECT_EQ(assigned("1.080000.1047"), "1.080000.1047");
  EXPECT_EQ(assigned("Kaution 1.080000.1047 Rate 1"), "1.080000.1047");
  EXPECT_EQ(assigned("Kaution1.080000.1047Schmidt"), "1.080000.1047");
  EXPECT_EQ(assigned("MV-Nr.:1.080000.1047, Natalie Schmidt"), "1.080000.1047");
  EXPECT_EQ(assigned("(1.080000.1048)"), "1.080000.1048");
}

TEST(FindContractNumbers, SpacesAndLineBreaksInsideTheNumber) {
  EXPECT_EQ(assigned("Kaution 1.080000. 1047 Schmidt"), "1.080000.1047");
  EXPECT_EQ(assigned("MV-Nr 1.080000.\n1047"), "1.080000.1047");
  EXPECT_EQ(assigned("MV-Nr 1.080000.\r\n1047"), "1.080000.1047");
  EXPECT_EQ(assigned("1 . 080000 . 1048"), "1.080000.1048");
  EXPECT_EQ(assigned("1.080\xC2\xA0"
                     "000.1047"),
            "1.080000.1047")
      << "no-break space";
  EXPECT_EQ(assigned("Vertrag mv-2020 / 17"), "MV-2020/17") << "letters in any case";
}

TEST(FindContractNumbers, NotInsideLongerNumbers) {
  EXPECT_EQ(assigned("11.080000.1047"), std::nullopt);
  EXPECT_EQ(assigned("1.080000.10478"), std::nullopt);
  EXPECT_EQ(assigned("47110"), std::nullopt);
  EXPECT_EQ(assigned("PLZ 44711 Dortmund"), std::nullopt);
  EXPECT_EQ(assigned("Rechnung A4711"), "4711") << "a letter next to a digit is an edge";
  EXPECT_EQ(assigned("1.080000.10"), "1.080000.10") << "the shorter contract on its own";
}

TEST(FindContractNumbers, TwoContractsMatchNoAssignment) {
  const ContractMatch m = find_contract_numbers("Kaution 1.080000.1047 und 1.080000.1048", k_index);
  EXPECT_EQ(m.contract_no, std::nullopt);
  EXPECT_EQ(m.candidates, (std::vector<std::string>{"1.080000.1047", "1.080000.1048"}));
  EXPECT_EQ(m.reason,
            "2 rental contracts match the remittance text (1.080000.1047, 1.080000.1048): not "
            "assigned");
}

TEST(FindContractNumbers, AGapAtTheEdgeMakesAmbiguityVisible) {
  // "1.080000.10 47": a gap before "47" ends a match of 1.080000.10, and 1.080000.1047 matches
  // across the gap: two contracts, so nobody guesses.
  const ContractMatch m = find_contract_numbers("Kaution 1.080000.10 47", k_index);
  EXPECT_EQ(m.contract_no, std::nullopt);
  EXPECT_EQ(m.candidates.size(), 2u);
}

TEST(FindContractNumbers, TheSameContractTwiceIsOneMatch) {
  const ContractMatch m =
      find_contract_numbers("1.080000.1047 Kaution Rate 2 zu 1.080000. 1047", k_index);
  EXPECT_EQ(m.contract_no, "1.080000.1047");
  EXPECT_TRUE(m.reason.empty());
}

TEST(FindContractNumbers, NoneFound) {
  const ContractMatch m = find_contract_numbers("Miete November", k_index);
  EXPECT_EQ(m.contract_no, std::nullopt);
  EXPECT_TRUE(m.candidates.empty());
  EXPECT_EQ(m.reason, "no known rental contract number in the remittance text");
  EXPECT_EQ(find_contract_numbers("", k_index).contract_no, std::nullopt);
  EXPECT_EQ(find_contract_numbers("1.080000.1047", ContractIndex{}).contract_no, std::nullopt);
}

TEST(FindContractNumbers, NumbersDifferingOnlyInWhitespaceAreAmbiguous) {
  const ContractIndex index = index_of({"1.08 0000", "1.080000"});
  EXPECT_EQ(index.size(), 2u);
  const ContractMatch m = find_contract_numbers("Kaution 1.080000", index);
  EXPECT_EQ(m.contract_no, std::nullopt);
  EXPECT_EQ(m.candidates.size(), 2u);
}

TEST(FindContractNumbers, ManyContractsManyTexts) {
  ContractIndex index;
  for (int i = 0; i < 100000; ++i)
    index.add("1.08" + std::to_string(1000 + i / 1000) + "." + std::to_string(1000 + i % 1000));
  EXPECT_EQ(index.size(), 100000u);
  const auto start = std::chrono::steady_clock::now();
  std::size_t found = 0;
  for (int i = 0; i < 5000; ++i) {
    const std::string text = "Kaution Natalie Schmidt Mittelweg 30 MV 1.08" +
                             std::to_string(1000 + i % 100) + ". " +
                             std::to_string(1000 + i % 1000) + " Rate 1 von 3";
    if (find_contract_numbers(text, index).contract_no) ++found;
  }
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(found, 5000u);
  EXPECT_LT(elapsed, std::chrono::seconds(10)) << "lookups, not a scan over the contracts";
}

TEST(AssignByIban, CompactAndUpperCase) {
  AccountIndex index;
  EXPECT_TRUE(index.add("DE14 5501 0400 0007 2233 30", "D-2021-000184"));
  EXPECT_TRUE(index.add("DKB-KT-0000917", "D-2022-000001"));
  EXPECT_EQ(assign_by_iban("DE14550104000007223330", index), "D-2021-000184");
  EXPECT_EQ(assign_by_iban("de14 5501 0400 0007 2233 30", index), "D-2021-000184");
  EXPECT_EQ(assign_by_iban("dkb-kt-0000917", index), "D-2022-000001");
  EXPECT_EQ(assign_by_iban("DE02120300000000202051", index), std::nullopt);
}

TEST(AssignByIban, AnAccountBelongsToOneDeposit) {
  AccountIndex index;
  EXPECT_TRUE(index.add("DE14550104000007223330", "D-1"));
  EXPECT_TRUE(index.add("DE14550104000007223330", "D-1")) << "the same again is fine";
  EXPECT_FALSE(index.add("DE14550104000007223330", "D-2"));
  EXPECT_EQ(assign_by_iban("DE14550104000007223330", index), "D-1");
  EXPECT_EQ(index.size(), 1u);
}

}  // namespace
}  // namespace kaution
