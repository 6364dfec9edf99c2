#include <gtest/gtest.h>

#include <optional>
#include <set>

#include "sample_support.hpp"

// Every MT940/MT942 sample in the MANIFEST: message (statement) count, :61: (entry) count,
// first opening and last closing balance in minor units. Files we reject on purpose are
// listed in k_rejected with the reason; the rest must parse completely.

namespace kaution::formats::test {
namespace {

struct MtRow {
  const char* path;
  std::size_t statements;
  std::size_t entries;
  std::optional<std::int64_t> opening;
  std::optional<std::int64_t> closing;
};

const MtRow k_rows[] = {
    {"sandermarechal_jejik-mt940/tests/Jejik/Tests/MT940/Fixture/document/"
     "K4262927_20200905-080000-952.txt",
     1, 1, 0, std::nullopt},
    {"sandermarechal_jejik-mt940/tests/Jejik/Tests/MT940/Fixture/document/abnamro.txt", 2, 10,
     323628, 184975},
    {"sandermarechal_jejik-mt940/tests/Jejik/Tests/MT940/Fixture/document/bug-core-5401.txt", 1, 1,
     0, 0},
    {"sandermarechal_jejik-mt940/tests/Jejik/Tests/MT940/Fixture/document/commerzbank.txt", 1, 1, 0,
     0},
    {"sandermarechal_jejik-mt940/tests/Jejik/Tests/MT940/Fixture/document/deutschebank.txt", 1, 1,
     0, 0},
    {"sandermarechal_jejik-mt940/tests/Jejik/Tests/MT940/Fixture/document/generic.txt", 2, 2, 10000,
     8000},
    {"sandermarechal_jejik-mt940/tests/Jejik/Tests/MT940/Fixture/document/ing-dos.txt", 1, 7, 0,
     347},
    {"sandermarechal_jejik-mt940/tests/Jejik/Tests/MT940/Fixture/document/ing-unix.txt", 1, 7, 0,
     347},
    {"sandermarechal_jejik-mt940/tests/Jejik/Tests/MT940/Fixture/document/knab.txt", 2, 3, 0,
     79898},
    {"sandermarechal_jejik-mt940/tests/Jejik/Tests/MT940/Fixture/document/lbbw.txt", 1, 2, 0, 0},
    {"sandermarechal_jejik-mt940/tests/Jejik/Tests/MT940/Fixture/document/"
     "oldenburgischelandesbank.txt",
     1, 1, 0, 0},
    {"sandermarechal_jejik-mt940/tests/Jejik/Tests/MT940/Fixture/document/"
     "oldenburgischelandesbank2.txt",
     1, 1, 0, std::nullopt},
    {"sandermarechal_jejik-mt940/tests/Jejik/Tests/MT940/Fixture/document/"
     "oldenburgischelandesbankmitbindestrich.txt",
     1, 1, 27999857, 0},
    {"sandermarechal_jejik-mt940/tests/Jejik/Tests/MT940/Fixture/document/postfinance.txt", 2, 4, 0,
     15960},
    {"sandermarechal_jejik-mt940/tests/Jejik/Tests/MT940/Fixture/document/rabobank-iban.txt", 2, 4,
     100000, 93000},
    {"sandermarechal_jejik-mt940/tests/Jejik/Tests/MT940/Fixture/document/rabobank.txt", 4, 5,
     47317, 410182},
    {"sandermarechal_jejik-mt940/tests/Jejik/Tests/MT940/Fixture/document/sns.txt", 2, 2, 123456,
     120956},
    {"sandermarechal_jejik-mt940/tests/Jejik/Tests/MT940/Fixture/document/sparkasse.txt", 2, 2,
     19457, 15457},
    {"sandermarechal_jejik-mt940/tests/Jejik/Tests/MT940/Fixture/document/sparkasse2.txt", 1, 1,
     93105229, 93130450},
    {"sandermarechal_jejik-mt940/tests/Jejik/Tests/MT940/Fixture/document/sparkasse3.txt", 1, 1,
     93105229, 93130450},
    {"sandermarechal_jejik-mt940/tests/Jejik/Tests/MT940/Fixture/document/"
     "sparkasse_interim_balance.txt",
     3, 2, 19457, 0},
    {"sandermarechal_jejik-mt940/tests/Jejik/Tests/MT940/Fixture/document/triodos.txt", 1, 2,
     497509, 437079},
    {"sandermarechal_jejik-mt940/tests/Jejik/Tests/MT940/Fixture/document/"
     "volksbankenraiffeisenbanken.txt",
     8, 12, 308500, 383000},
    {"fruitl00p_php-mt940/test/Parser/Banking/Mt940/Engine/Abn/issue48", 1, 2, 112458, 117160},
    {"fruitl00p_php-mt940/test/Parser/Banking/Mt940/Engine/Abn/sample", 4, 5, 1736999, 32103376},
    {"fruitl00p_php-mt940/test/Parser/Banking/Mt940/Engine/Abn/sample2", 1, 4, 1736999, 1715949},
    {"fruitl00p_php-mt940/test/Parser/Banking/Mt940/Engine/Asn/sample", 7, 3, 1329034, 1120856},
    {"fruitl00p_php-mt940/test/Parser/Banking/Mt940/Engine/Bunq/sample", 1, 111, 3233, 566},
    {"fruitl00p_php-mt940/test/Parser/Banking/Mt940/Engine/Hsbc/sample", 1, 1, 0, 0},
    {"fruitl00p_php-mt940/test/Parser/Banking/Mt940/Engine/Ing/sample", 1, 7, 0, 347},
    {"fruitl00p_php-mt940/test/Parser/Banking/Mt940/Engine/Kbs/sample", 1, 3, 3512200, 3699200},
    {"fruitl00p_php-mt940/test/Parser/Banking/Mt940/Engine/Kbs/sample2", 1, 7, 18572300, 20847800},
    {"fruitl00p_php-mt940/test/Parser/Banking/Mt940/Engine/Knab/sample", 1, 5, 100021, 94521},
    {"fruitl00p_php-mt940/test/Parser/Banking/Mt940/Engine/Knab/sample2", 1, 1, 1249007, 1305749},
    {"fruitl00p_php-mt940/test/Parser/Banking/Mt940/Engine/Knab/sample3", 1, 1, 0, 0},
    {"fruitl00p_php-mt940/test/Parser/Banking/Mt940/Engine/Kontist/sample", 1, 6, 15, 39591},
    {"fruitl00p_php-mt940/test/Parser/Banking/Mt940/Engine/Penta/sample", 1, 30, 2041966, 984336},
    {"fruitl00p_php-mt940/test/Parser/Banking/Mt940/Engine/Rabo/sample", 39, 39, 0, 550000},
    // The 2nd message is a bare ":20:" at the end: ignored with a warning.
    {"fruitl00p_php-mt940/test/Parser/Banking/Mt940/Engine/Rabo/sample2", 1, 0, -100012, 214523},
    {"fruitl00p_php-mt940/test/Parser/Banking/Mt940/Engine/Rabo/sample3", 2, 12, 114795, 1884634},
    {"fruitl00p_php-mt940/test/Parser/Banking/Mt940/Engine/Rabo/sample4", 1, 3, 114795, 1884634},
    {"fruitl00p_php-mt940/test/Parser/Banking/Mt940/Engine/Spk/sample", 4, 10, 181890, 273422},
    {"fruitl00p_php-mt940/test/Parser/Banking/Mt940/Engine/Triodos/sample", 2, 8, 100000, 100914},
    {"fruitl00p_php-mt940/test/Parser/Banking/Mt940/Engine/Zetb/sample", 1, 8, 621305, 246914},
    {"svenstaro_mt940-rs/tests/data/mt940/full/abnamro/mt940.sta", 2, 4, 111110, 666683},
    {"svenstaro_mt940-rs/tests/data/mt940/full/betterplace/sepa_mt9401.sta", 26, 97, -123471836,
     5005},
    {"svenstaro_mt940-rs/tests/data/mt940/full/betterplace/sepa_snippet.sta", 2, 11, 76665649,
     -447204909},
    {"svenstaro_mt940-rs/tests/data/mt940/full/betterplace/sepa_snippet_broken.sta", 1, 1, 76665649,
     112525040},
    {"svenstaro_mt940-rs/tests/data/mt940/full/betterplace/with_binary_character.sta", 2, 4,
     38011577, 13119319},
    {"svenstaro_mt940-rs/tests/data/mt940/full/bugs/issue-51.sta", 1, 3, 1356413, 1352309},
    {"svenstaro_mt940-rs/tests/data/mt940/full/cmxl/mt940_1.sta", 1, 2, 218795, 438795},
    {"svenstaro_mt940-rs/tests/data/mt940/full/cmxl/mt940_2.sta", 1, 3, 4000000, 5004000},
    {"svenstaro_mt940-rs/tests/data/mt940/full/danskebank/MT940_DK_Example.sta", 15, 89, 247892670,
     385137947},
    {"svenstaro_mt940-rs/tests/data/mt940/full/danskebank/MT940_FI_Example.sta", 1, 6, 5448404,
     5312694},
    {"svenstaro_mt940-rs/tests/data/mt940/full/danskebank/MT940_NO_Example.sta", 13, 24, 9437295120,
     9675560022},
    {"svenstaro_mt940-rs/tests/data/mt940/full/danskebank/MT940_SE_Example.sta", 12, 103, 246034764,
     1298874324},
    {"svenstaro_mt940-rs/tests/data/mt940/full/jejik/abnamro.sta", 2, 10, 323628, 184975},
    {"svenstaro_mt940-rs/tests/data/mt940/full/jejik/ing.sta", 1, 7, 0, 347},
    {"svenstaro_mt940-rs/tests/data/mt940/full/jejik/knab.sta", 2, 3, 0, 79898},
    {"svenstaro_mt940-rs/tests/data/mt940/full/jejik/knab_broken.sta", 2, 3, 0, 79898},
    {"svenstaro_mt940-rs/tests/data/mt940/full/jejik/postfinance.sta", 2, 4, 0, 15960},
    {"svenstaro_mt940-rs/tests/data/mt940/full/jejik/rabobank-iban.sta", 2, 4, 100000, 93000},
    {"svenstaro_mt940-rs/tests/data/mt940/full/jejik/sns.sta", 2, 2, 123456, 120956},
    {"svenstaro_mt940-rs/tests/data/mt940/full/mBank/mt940.sta", 1, 3, 40, 43},
    {"svenstaro_mt940-rs/tests/data/mt940/full/mBank/with_newline_in_tnr.sta", 1, 2, 46, 86017},
    {"svenstaro_mt940-rs/tests/data/mt940/full/sparkasse/buxtehude.sta", 1, 3, 1356413, 1352309},
    {"svenstaro_mt940-rs/tests/data/mt940/special-cases/february_30.sta", 1, 1, 120000, 119400},
    {"svenstaro_mt940-rs/tests/data/mt940/special-cases/incomplete_tag_61.sta", 1, 1, 1234512,
     1234598},
    {"svenstaro_mt940-rs/tests/data/mt940/special-cases/invalid_statement.sta", 0, 0, std::nullopt,
     std::nullopt},
    {"svenstaro_mt940-rs/tests/data/mt940/special-cases/invalid_utf8.sta", 1, 7, 2517063710,
     2528168760},
    {"svenstaro_mt940-rs/tests/data/mt940/special-cases/overly_long_details.sta", 1, 1, 1234512,
     1234598},
    {"svenstaro_mt940-rs/tests/data/mt940/special-cases/unexpected_tag.sta", 1, 1, 120000, 119400},
    {"svenstaro_mt940-rs/tests/data/mt940/special-cases/unknown_tag.sta", 1, 1, 120000, 119400},
    {"svenstaro_mt940-rs/tests/data/mt942/full/cmxl/mt942_1.sta", 0, 0, std::nullopt, std::nullopt},
    {"svenstaro_mt940-rs/tests/data/mt942/full/jejik/generic.sta", 2, 2, 10000, 8000},
    {"svenstaro_mt940-rs/tests/data/mt942/full/jejik/rabobank.sta", 4, 5, 47317, 410182},
    {"svenstaro_mt940-rs/tests/data/mt942/full/jejik/triodos.sta", 1, 2, 497509, 437079},
    {"svenstaro_mt940-rs/tests/data/mt942/full/mBank/mt942.sta", 1, 11, 8434974, 8443704},
    {"svenstaro_mt940-rs/tests/data/mt942/full/sberbank/171011_01234945.sta", 1, 3, 62731130,
     61787430},
    {"svenstaro_mt940-rs/tests/data/mt942/special-cases/long_statement_number.sta", 1, 0, 0, 0},
    {"svenstaro_mt940-rs/tests/data/mt942/special-cases/mt942.sta", 1, 1, std::nullopt,
     std::nullopt},
    {"svenstaro_mt940-rs/tests/data/mt942/special-cases/raphaelm.sta", 3, 9, 0, std::nullopt},
    {"wolph_mt940/mt940_tests/ASNB/mt940.txt", 31, 8, 44429, 50123},
    {"wolph_mt940/mt940_tests/ASNB/mt940_with_spaces_for_entry_date.txt", 31, 8, 44429, 50123},
    {"wolph_mt940/mt940_tests/betterplace/amount_formats.sta", 0, 0, 38011512, std::nullopt},
    {"wolph_mt940/mt940_tests/betterplace/currency_in_25.sta", 0, 0, std::nullopt, std::nullopt},
    {"wolph_mt940/mt940_tests/betterplace/empty_86.sta", 0, 0, std::nullopt, std::nullopt},
    {"wolph_mt940/mt940_tests/betterplace/empty_entry_date.sta", 0, 1, std::nullopt, std::nullopt},
    {"wolph_mt940/mt940_tests/betterplace/empty_line.sta", 1, 0, std::nullopt, std::nullopt},
    {"wolph_mt940/mt940_tests/betterplace/missing_crlf_at_end.sta", 0, 0, std::nullopt, 4257004},
    {"wolph_mt940/mt940_tests/betterplace/sepa_mt9401.sta", 26, 97, -123471836, 5005},
    {"wolph_mt940/mt940_tests/betterplace/sepa_snippet.sta", 2, 11, 76665649, -447204909},
    {"wolph_mt940/mt940_tests/betterplace/sepa_snippet_broken.sta", 1, 1, 76665649, 112525040},
    {"wolph_mt940/mt940_tests/betterplace/with_binary_character.sta", 2, 4, 38011577, 13119319},
    {"wolph_mt940/mt940_tests/citi/mt940.txt", 1, 5, 1737667, 1623392},
    {"wolph_mt940/mt940_tests/cmxl/account_balance_credit.sta", 0, 0, 14764, std::nullopt},
    {"wolph_mt940/mt940_tests/cmxl/account_balance_debit.sta", 0, 0, -14764, std::nullopt},
    {"wolph_mt940/mt940_tests/cmxl/account_identification_iban.sta", 0, 0, std::nullopt,
     std::nullopt},
    {"wolph_mt940/mt940_tests/cmxl/account_identification_legacy.sta", 0, 0, std::nullopt,
     std::nullopt},
    {"wolph_mt940/mt940_tests/cmxl/available_balance.sta", 0, 0, std::nullopt, std::nullopt},
    {"wolph_mt940/mt940_tests/cmxl/closing_balance.sta", 0, 0, std::nullopt, 13700},
    {"wolph_mt940/mt940_tests/cmxl/mt940.sta", 3, 16, 8434974, 5004000},
    {"wolph_mt940/mt940_tests/cmxl/reference.sta", 1, 0, std::nullopt, std::nullopt},
    {"wolph_mt940/mt940_tests/cmxl/statement_details.sta", 0, 1, std::nullopt, std::nullopt},
    {"wolph_mt940/mt940_tests/cmxl/statement_line.sta", 0, 1, std::nullopt, std::nullopt},
    {"wolph_mt940/mt940_tests/cmxl/statement_number.sta", 0, 0, std::nullopt, std::nullopt},
    {"wolph_mt940/mt940_tests/jejik/abnamro.sta", 2, 10, 323628, 184975},
    {"wolph_mt940/mt940_tests/jejik/generic.sta", 2, 2, 10000, 8000},
    {"wolph_mt940/mt940_tests/jejik/ing.sta", 1, 7, 0, 347},
    {"wolph_mt940/mt940_tests/jejik/knab.sta", 2, 3, 0, 79898},
    {"wolph_mt940/mt940_tests/jejik/postfinance.sta", 2, 4, 0, 15960},
    {"wolph_mt940/mt940_tests/jejik/rabobank-iban.sta", 2, 4, 100000, 93000},
    {"wolph_mt940/mt940_tests/jejik/rabobank.sta", 4, 5, 47317, 410182},
    {"wolph_mt940/mt940_tests/jejik/sns.sta", 2, 2, 123456, 120956},
    {"wolph_mt940/mt940_tests/jejik/triodos.sta", 1, 2, 497509, 437079},
    {"wolph_mt940/mt940_tests/mBank/mt940.sta", 1, 3, 40, 43},
    {"wolph_mt940/mt940_tests/mBank/mt942.sta", 1, 3, std::nullopt, std::nullopt},
    {"wolph_mt940/mt940_tests/mBank/with_newline_in_tnr.sta", 1, 2, 46, 86017},
    {"wolph_mt940/mt940_tests/sberbank/171011_01234945.sta", 1, 3, 62731130, 61787430},
    {"wolph_mt940/mt940_tests/self-provided/account_identification.sta", 2, 0, std::nullopt,
     std::nullopt},
    {"wolph_mt940/mt940_tests/self-provided/details_60-63.sta", 1, 1, 1234512, 1234598},
    {"wolph_mt940/mt940_tests/self-provided/empty_non_swift.sta", 0, 0, std::nullopt, std::nullopt},
    {"wolph_mt940/mt940_tests/self-provided/february_30.sta", 1, 1, 120000, 119400},
    {"wolph_mt940/mt940_tests/self-provided/gv_codes.sta", 1, 2, 1234512, std::nullopt},
    {"wolph_mt940/mt940_tests/self-provided/invalid_statement.sta", 0, 0, std::nullopt,
     std::nullopt},
    {"wolph_mt940/mt940_tests/self-provided/long_statement_number.sta", 1, 0, 0, 0},
    {"wolph_mt940/mt940_tests/self-provided/malformed_details.sta", 1, 1, 1234512, 1234598},
    {"wolph_mt940/mt940_tests/self-provided/mt942.sta", 1, 1, std::nullopt, std::nullopt},
    {"wolph_mt940/mt940_tests/self-provided/multiline.sta", 1, 2, 1640, 1140},
    {"wolph_mt940/mt940_tests/self-provided/overly_long_details.sta", 1, 1, 1234512, 1234598},
    {"wolph_mt940/mt940_tests/self-provided/raiffeisen-cmi.sta", 1, 7, 2517063710, 2528168760},
    {"wolph_mt940/mt940_tests/self-provided/raphaelm.sta", 3, 9, 0, std::nullopt},
    {"wolph_mt940/mt940_tests/self-provided/sparkassen.sta", 0, 1, std::nullopt, std::nullopt},
    {"wolph_mt940/mt940_tests/self-provided/transaction_details_wrapped.sta", 1, 1, 120000, 119400},
    {"wolph_mt940/mt940_tests/self-provided/whitespace.sta", 1, 1, 1234512, 1234598},
    {"wolph_mt940/mt940_tests/self-provided/wrapped_timestamp.sta", 1, 1, 120000, 119400},
};

// Rejected on purpose, with the part of the reason we expect. Rows with no :20: at all are
// tag-level fixtures of wolph/mt940 (no account, no message): not a statement to import.
const std::pair<std::string_view, std::string_view> k_rejected[] = {
    // MANIFEST: must fail (svenstaro); identical bytes in wolph and, with envelope, in jejik.
    {"svenstaro_mt940-rs/tests/data/mt940/full/betterplace/sepa_snippet_broken.sta",
     ":25: (account) inside the statement body"},
    {"wolph_mt940/mt940_tests/betterplace/sepa_snippet_broken.sta",
     ":25: (account) inside the statement body"},
    {"svenstaro_mt940-rs/tests/data/mt940/full/jejik/knab_broken.sta", "has no decimal comma"},
    {"wolph_mt940/mt940_tests/jejik/knab.sta", "has no decimal comma"},
    {"sandermarechal_jejik-mt940/tests/Jejik/Tests/MT940/Fixture/document/knab.txt",
     "has no decimal comma"},
    // A :61: after the message end marker "-": a fragment, not part of the statement.
    {"wolph_mt940/mt940_tests/self-provided/multiline.sta", ":61: outside a message"},
    // :62M:C020315105000,00 has no currency (the source reads "0.00 950").
    {"wolph_mt940/mt940_tests/self-provided/raphaelm.sta", "invalid currency"},
    {"svenstaro_mt940-rs/tests/data/mt942/special-cases/raphaelm.sta", "invalid currency"},
    // Messages without :25: (account).
    {"wolph_mt940/mt940_tests/betterplace/empty_line.sta", "without :25:"},
    {"wolph_mt940/mt940_tests/cmxl/reference.sta", "without :25:"},
    {"svenstaro_mt940-rs/tests/data/mt940/special-cases/unexpected_tag.sta", "without :25:"},
};

std::string_view rejection_for(std::string_view path) {
  for (const auto& [p, reason] : k_rejected)
    if (p == path) return reason;
  return {};
}

class MtSample : public ::testing::TestWithParam<MtRow> {};

TEST_P(MtSample, MatchesManifest) {
  const MtRow& row = GetParam();
  const ParsedFile parsed = parse_sample(row.path);
  if (const std::string_view reason = rejection_for(row.path);
      !reason.empty() || row.statements == 0) {
    ASSERT_EQ(parsed.errors.size(), 1u) << row.path;
    EXPECT_TRUE(parsed.documents.empty());
    if (!reason.empty())
      EXPECT_NE(parsed.errors[0].reason.find(reason), std::string::npos)
          << parsed.errors[0].message();
    else
      EXPECT_TRUE(parsed.errors[0].reason.find("message") != std::string::npos ||
                  parsed.errors[0].not_a_statement)
          << parsed.errors[0].message();
    return;
  }
  ASSERT_TRUE(parsed.ok()) << parsed.errors.front().message();
  const Document& doc = parsed.documents.at(0);
  EXPECT_EQ(doc.statements.size(), row.statements);
  EXPECT_EQ(entry_count(doc), row.entries);
  EXPECT_EQ(transaction_count(doc), row.entries);
  if (row.opening) {
    ASSERT_NE(balance_of(doc.statements.front(), "OPBD"), nullptr);
    EXPECT_EQ(balance_of(doc.statements.front(), "OPBD")->amount.cents(), *row.opening);
  }
  if (row.closing) {
    ASSERT_NE(balance_of(doc.statements.back(), "CLBD"), nullptr);
    EXPECT_EQ(balance_of(doc.statements.back(), "CLBD")->amount.cents(), *row.closing);
  }
}

INSTANTIATE_TEST_SUITE_P(Manifest, MtSample, ::testing::ValuesIn(k_rows));

}  // namespace
}  // namespace kaution::formats::test
