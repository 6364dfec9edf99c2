#include <gtest/gtest.h>

#include "connectors/formats/mt940_details.hpp"
#include "connectors/formats/text_encoding.hpp"
#include "sample_support.hpp"

// The values jejik-mt940's bank tests assert, German :86: structure, reversals, dates.

namespace kaution::formats::test {
namespace {

const std::string k_jejik = "sandermarechal_jejik-mt940/tests/Jejik/Tests/MT940/Fixture/document/";

Document parse_ok(const std::string& relative) {
  ParsedFile parsed = parse_sample(relative);
  if (!parsed.ok()) throw std::runtime_error(parsed.errors.front().message());
  return std::move(parsed.documents.at(0));
}

TEST(Mt940Source, DeutscheBank) {
  const Document doc = parse_ok(k_jejik + "deutschebank.txt");
  ASSERT_EQ(doc.statements.size(), 1u);
  const Statement& s = doc.statements[0];
  EXPECT_EQ(s.sequence_number, "00143/1");
  EXPECT_EQ(s.account.other_id, "20070000/0123456601");
  EXPECT_EQ(balance_of(s, "OPBD")->amount.cents(), 0);
  EXPECT_EQ(balance_of(s, "OPBD")->date->to_string(), "2020-06-05");
  const Entry& e = s.entries.at(0);
  EXPECT_EQ(e.amount.cents(), -1235);
  EXPECT_EQ(e.additional_info(), "SEPA-LASTSCHR. RETOURE CORE");
  EXPECT_TRUE(e.bank_tx_code().proprietary.find("+109") != std::string::npos)
      << e.bank_tx_code().proprietary;
  EXPECT_EQ(e.bank_tx_code().issuer, "DK");
  const Transaction& tx = e.transactions.at(0);
  EXPECT_EQ(tx.creditor().bic, "CSDBDE71XXX");
  EXPECT_EQ(tx.creditor().iban, "DE50712345600200691329");
  EXPECT_EQ(tx.end_to_end_id(), "A1.200080779.400143254.4961336");
  EXPECT_EQ(tx.customer_ref(), "SEPA-DA20200601221740-34972000-P1");
  EXPECT_EQ(tx.mandate_id(), "20852HW2723821");
  EXPECT_EQ(tx.creditor_scheme_id(), "DE41EON00000129793");
  ASSERT_EQ(tx.remittance().size(), 1u);
  EXPECT_EQ(tx.remittance()[0].substr(0, 27), "SONSTIGE GRUENDE ENDABRECHN");
  EXPECT_EQ(tx.creditor().name, "TESTEREL");
}

TEST(Mt940Source, Sparkasse) {
  const Document doc = parse_ok(k_jejik + "sparkasse.txt");
  ASSERT_EQ(doc.statements.size(), 2u);
  EXPECT_EQ(doc.statements[0].account.other_id, "87052000/123456789");
  EXPECT_EQ(balance_of(doc.statements[0], "OPBD")->amount.cents(), 19457);
  EXPECT_EQ(balance_of(doc.statements[0], "OPBD")->date->to_string(), "2019-02-15");
  const Entry& card = doc.statements[0].entries.at(0);
  EXPECT_EQ(card.transactions.at(0).ultimate_creditor().empty(), true);
  EXPECT_EQ(card.transactions.at(0).ultimate_debtor(),
            "Aral Tankstelle Chemnitz Leipziger Stra\xC3\x9F"
            "e 257//Chemnitz/DE");
  const Entry& e = doc.statements[1].entries.at(0);
  EXPECT_EQ(e.amount.cents(), -2000);
  EXPECT_EQ(e.additional_info(), "ONLINE-UEBERWEISUNG");
  EXPECT_EQ(e.bank_tx_code().proprietary.substr(4, 4), "+177");
  const Transaction& tx = e.transactions.at(0);
  EXPECT_EQ(tx.creditor().bic, "NTSBDEB1XXX");
  EXPECT_EQ(tx.creditor().iban, "DE12345678901234567890");
  EXPECT_EQ(tx.creditor().name, "Max Mustermann");
  ASSERT_EQ(tx.remittance().size(), 1u);
  EXPECT_EQ(tx.remittance()[0], "Apple PayDATUM 19.02.2019, 13.24 UHR1.TAN 002153");
}

TEST(Mt940Source, ReversalsRdAndRc) {
  // Entries view their statement's text arena: the documents are kept while they are read.
  const Document doc2 = parse_ok(k_jejik + "sparkasse2.txt");
  const Entry& rd = doc2.statements.at(0).entries.at(0);
  EXPECT_TRUE(rd.reversal);
  EXPECT_EQ(rd.amount.cents(), 102725);
  EXPECT_EQ(rd.additional_info(), "STORNO");
  EXPECT_EQ(rd.booking_date()->to_string(), "2020-02-19");
  EXPECT_EQ(rd.value_date()->to_string(), "2020-02-01");
  const Document doc3 = parse_ok(k_jejik + "sparkasse3.txt");
  const Entry& rc = doc3.statements.at(0).entries.at(0);
  EXPECT_TRUE(rc.reversal);
  EXPECT_EQ(rc.amount.cents(), -102725);
  EXPECT_FALSE(rc.credit);
  EXPECT_EQ(rc.transactions.at(0).creditor().name, "GEB\xC3\x9CHREN MANUELL GG UST-FREI");
}

TEST(Mt940Source, LbbwOlbVolksbank) {
  const Statement lbbw = parse_ok(k_jejik + "lbbw.txt").statements.at(0);
  EXPECT_EQ(lbbw.account.other_id, "12345678/1324357");
  EXPECT_EQ(lbbw.entries.at(0).amount.cents(), -1);
  EXPECT_EQ(lbbw.entries.at(0).additional_info(), "KONTENPOOL");
  EXPECT_EQ(lbbw.entries.at(1).transactions.at(0).customer_ref(),
            "SEPA-20210203175805-00154800-P1");
  const Transaction& l1 = lbbw.entries.at(1).transactions.at(0);
  EXPECT_EQ(lbbw.entries.at(1).credit ? l1.debtor().name : l1.creditor().name, "NIC RICHTER");

  const Statement olb = parse_ok(k_jejik + "oldenburgischelandesbank.txt").statements.at(0);
  EXPECT_EQ(olb.sequence_number, "135/1");
  EXPECT_EQ(olb.entries.at(0).amount.cents(), 10450);
  EXPECT_EQ(olb.entries.at(0).additional_info(), "GUTSCHRIFT");
  EXPECT_EQ(olb.entries.at(0).transactions.at(0).end_to_end_id(), "NOTPROVIDED");
  EXPECT_EQ(olb.entries.at(0).transactions.at(0).debtor().bic, "AARBDE5W250");

  const Document vr = parse_ok(k_jejik + "volksbankenraiffeisenbanken.txt");
  ASSERT_EQ(vr.statements.size(), 8u);
  EXPECT_EQ(vr.statements[0].account.other_id, "66642399/93387");
  EXPECT_EQ(balance_of(vr.statements[0], "OPBD")->amount.cents(), 308500);
  const Entry* found = nullptr;
  for (const Statement& st : vr.statements)
    for (const Entry& en : st.entries)
      if (found == nullptr && en.transactions.at(0).debtor().name == "Antonio Sueto") found = &en;
  ASSERT_NE(found, nullptr);
  const Entry& v0 = *found;
  EXPECT_EQ(v0.amount.cents(), 8000);
  EXPECT_EQ(v0.additional_info(), "UEBERWEISUNG");
  EXPECT_EQ(v0.transactions.at(0).debtor().bic, "SBCRDE66");
  EXPECT_EQ(v0.transactions.at(0).debtor().iban, "DE83500105179219844142");
  EXPECT_EQ(v0.transactions.at(0).debtor().name, "Antonio Sueto");
}

TEST(Mt940Source, DotDecimalsAndNoDecimals) {
  const Document rabo =
      parse_ok("fruitl00p_php-mt940/test/Parser/Banking/Mt940/Engine/Rabo/sample");
  EXPECT_EQ(rabo.statements.size(), 39u);
  const Entry* first = nullptr;
  for (const Statement& st : rabo.statements)
    if (first == nullptr && !st.entries.empty()) first = &st.entries[0];
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->amount.cents(), 30000);  // ":61:030109C000000000300.00NMSC…"
  const Document kbs = parse_ok("fruitl00p_php-mt940/test/Parser/Banking/Mt940/Engine/Kbs/sample");
  EXPECT_EQ(balance_of(kbs.statements[0], "OPBD")->amount.cents(), 3512200);
}

TEST(Mt940Source, Latin1FileBecomesUtf8) {
  const std::string path = "wolph_mt940/mt940_tests/self-provided/raiffeisen-cmi.sta";
  ASSERT_NE(invalid_utf8_at(read_sample(path)), std::string::npos);
  const Document doc = parse_ok(path);
  EXPECT_EQ(entry_count(doc), 7u);
  for (const Entry& e : doc.statements[0].entries)
    for (std::string_view line : e.transactions[0].remittance())
      EXPECT_EQ(invalid_utf8_at(line), std::string::npos);
}

TEST(Mt940Source, February30IsAWarningNotAFailure) {
  const Document doc = parse_ok("wolph_mt940/mt940_tests/self-provided/february_30.sta");
  const Statement& s = doc.statements.at(0);
  EXPECT_EQ(s.entries.at(0).value_date()->to_string(), "2016-02-29");
  ASSERT_FALSE(s.warnings.empty());
  EXPECT_NE(s.warnings[0].find("160230"), std::string::npos) << s.warnings[0];
}

TEST(Mt940Source, Mt942IsNamedSo) {
  const ParsedFile parsed =
      parse_sample("svenstaro_mt940-rs/tests/data/mt942/special-cases/mt942.sta");
  ASSERT_TRUE(parsed.ok()) << parsed.errors[0].message();
  EXPECT_EQ(parsed.documents[0].format, "MT942");
  EXPECT_EQ(parsed.documents[0].statements[0].entries.at(0).amount.cents(), -42);
}

TEST(Mt940Details, SepaKeywordsAcrossSubfields) {
  const mt940::Details d = mt940::parse_details(
      "166?00GUTSCHRIFT?109249?20EREF+E2E-1?21KREF+K1?22MREF+M-1?23CRED+DE98ZZZ09999999999?24SV"
      "WZ+Miete Mai?25 Whg 3?30GENODEF1PFK?31DE\n14740618130000033626?32MAX MUS?33TERMANN?34997");
  EXPECT_EQ(d.gvc, "166");
  EXPECT_EQ(d.booking_text, "GUTSCHRIFT");
  EXPECT_EQ(d.end_to_end_id, "E2E-1");
  EXPECT_EQ(d.customer_ref, "K1");
  EXPECT_EQ(d.mandate_id, "M-1");
  EXPECT_EQ(d.creditor_scheme_id, "DE98ZZZ09999999999");
  ASSERT_EQ(d.remittance.size(), 1u);
  EXPECT_EQ(d.remittance[0], "Miete Mai Whg 3");
  EXPECT_EQ(d.counterparty.bic, "GENODEF1PFK");
  EXPECT_EQ(d.counterparty.iban, "DE14740618130000033626");
  EXPECT_EQ(d.counterparty.name, "MAX MUSTERMANN");
  EXPECT_EQ(d.text_key_extension, "997");
}

TEST(Mt940Reject, BrokenStatementLineNamesTheLine) {
  const ParsedFile parsed =
      parse_text("x.sta",
                 ":20:X\n:25:DE14740618130000033626\n:28C:1/1\n:60F:C200101EUR10,00\n"
                 ":61:2001010101X5,00NTRFNONREF\n:62F:C200101EUR15,00\n-\n");
  ASSERT_EQ(parsed.errors.size(), 1u);
  EXPECT_EQ(parsed.errors[0].where, "line 5 (:61:)");
  EXPECT_TRUE(parsed.documents.empty());
}

TEST(Mt940Reject, PlainTextIsNotAStatement) {
  const ParsedFile parsed = parse_text("notes.txt", "Dear tenant,\nyour deposit...\n");
  ASSERT_EQ(parsed.errors.size(), 1u);
  EXPECT_TRUE(parsed.errors[0].not_a_statement);
}

TEST(Mt940Checks, BalanceMismatchIsAWarning) {
  const ParsedFile parsed =
      parse_text("x.sta",
                 ":20:X\n:25:DE14740618130000033626\n:28C:1/1\n:60F:C200101EUR10,00\n"
                 ":61:2001010101C5,00NTRFNONREF\n:86:166?00GUTSCHRIFT\n:62F:C200101EUR16,00\n-\n");
  ASSERT_TRUE(parsed.ok());
  const Statement& s = parsed.documents[0].statements[0];
  EXPECT_EQ(s.account.iban, "DE14740618130000033626");
  ASSERT_EQ(s.warnings.size(), 1u);
  EXPECT_EQ(s.warnings[0],
            "balance mismatch: opening 10.00 EUR + booked entries 5.00 EUR = 15.00 EUR, but the "
            "closing balance is 16.00 EUR");
}

}  // namespace
}  // namespace kaution::formats::test
