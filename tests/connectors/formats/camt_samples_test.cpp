#include <gtest/gtest.h>

#include <optional>

#include "sample_support.hpp"

// Every camt sample whose MANIFEST row gives expected values: statement, entry and
// transaction counts and the first opening / last closing balance (minor units, signed),
// then the values the source projects' own tests assert.

namespace kaution::formats::test {
namespace {

struct CamtRow {
  const char* path;
  const char* format;
  std::size_t statements;
  std::size_t entries;
  std::size_t transactions;
  std::optional<std::int64_t> opening;
  std::optional<std::int64_t> closing;
};

const CamtRow k_rows[] = {
    {"genkgo_camt/test/data/camt052.v1.xml", "camt.052.001.01", 1, 1, 0, std::nullopt,
     std::nullopt},
    {"genkgo_camt/test/data/camt052.v2.other-account.xml", "camt.052.001.02", 1, 1, 1, std::nullopt,
     std::nullopt},
    {"genkgo_camt/test/data/camt052.v2.with-account-name.xml", "camt.052.001.02", 1, 1, 1,
     std::nullopt, std::nullopt},
    {"genkgo_camt/test/data/camt052.v2.xml", "camt.052.001.02", 1, 1, 1, std::nullopt,
     std::nullopt},
    {"genkgo_camt/test/data/camt052.v4.xml", "camt.052.001.04", 1, 1, 1, std::nullopt, 1002215},
    {"genkgo_camt/test/data/camt052.v6.Amt-zero.xml", "camt.052.001.06", 1, 1, 1, std::nullopt,
     1002215},
    {"genkgo_camt/test/data/camt052.v6.xml", "camt.052.001.06", 1, 1, 1, std::nullopt, 1002215},
    {"genkgo_camt/test/data/camt052.v8.xml", "camt.052.001.08", 1, 1, 0, std::nullopt,
     std::nullopt},
    {"genkgo_camt/test/data/camt053.v2.all-balance-types.xml", "camt.053.001.02", 1, 1, 1, 101,
     404},
    {"genkgo_camt/test/data/camt053.v2.five.decimals.xml", "camt.053.001.02", 1, 1, 1, 1815, 2705},
    {"genkgo_camt/test/data/camt053.v2.minimal.ultimate.xml", "camt.053.001.02", 1, 1, 1, 1815,
     -2700},
    {"genkgo_camt/test/data/camt053.v2.minimal.xml", "camt.053.001.02", 1, 1, 1, 1815, -2700},
    {"genkgo_camt/test/data/camt053.v2.multi.statement.xml", "camt.053.001.02", 2, 2, 2, 1815,
     2000},
    {"genkgo_camt/test/data/camt053.v2.with-account-name.xml", "camt.053.001.02", 1, 1, 1,
     std::nullopt, -2700},
    {"genkgo_camt/test/data/camt053.v2.with-party-ids.xml", "camt.053.001.02", 1, 1, 1, 1815,
     -2700},
    {"genkgo_camt/test/data/camt053.v3.xml", "camt.053.001.03", 1, 1, 1, 1815, -2700},
    {"genkgo_camt/test/data/camt053.v4.xml", "camt.053.001.04", 1, 1, 1, 1815, -2700},
    {"genkgo_camt/test/data/camt053.v8.xml", "camt.053.001.08", 1, 1, 1, 1815, -2700},
    {"genkgo_camt/test/data/camt054.v2.with-account-name.xml", "camt.054.001.02", 1, 1, 1,
     std::nullopt, std::nullopt},
    {"genkgo_camt/test/data/camt054.v2.xml", "camt.054.001.02", 1, 1, 3, std::nullopt,
     std::nullopt},
    {"genkgo_camt/test/data/camt054.v4.xml", "camt.054.001.04", 1, 1, 3, std::nullopt,
     std::nullopt},
    {"genkgo_camt/test/data/camt054.v8-with-UETR.xml", "camt.054.001.08", 1, 1, 1, std::nullopt,
     std::nullopt},
    {"genkgo_camt/test/data/camt054.v8-with-financial-institution.xml", "camt.054.001.08", 1, 1, 1,
     std::nullopt, std::nullopt},
    {"genkgo_camt/test/data/camt054.v8.xml", "camt.054.001.08", 1, 1, 3, std::nullopt,
     std::nullopt},
    {"genkgo_camt/test/data/camt53.only-Dt-with-DtTm.xml", "camt.053.001.02", 1, 0, 0, 544209,
     std::nullopt},
    {"viafintech_camt_parser/spec/fixtures/052/valid_example.xml", "camt.052.001.02", 1, 2, 2, 850,
     1350},
    {"viafintech_camt_parser/spec/fixtures/052/valid_example_with_dates.xml", "camt.052.001.02", 1,
     1, 1, std::nullopt, std::nullopt},
    {"viafintech_camt_parser/spec/fixtures/053/valid_example.xml", "camt.053.001.02", 1, 4, 5, 3306,
     2306},
    {"viafintech_camt_parser/spec/fixtures/053/valid_example_v4.xml", "camt.053.001.04", 1, 13, 32,
     32215216, 32268977},
    {"viafintech_camt_parser/spec/fixtures/053/valid_example_v8.xml", "camt.053.001.08", 1, 3, 3,
     8272195, 8451525},
    {"viafintech_camt_parser/spec/fixtures/053/valid_example_with_batch.xml", "camt.053.001.02", 1,
     3, 2, 732980, 2303820},
    {"viafintech_camt_parser/spec/fixtures/053/valid_example_with_datetime.xml", "camt.053.001.10",
     1, 1, 0, std::nullopt, 60680},
    {"viafintech_camt_parser/spec/fixtures/053/valid_example_with_debit.xml", "camt.053.001.02", 1,
     4, 5, -3306, 2306},
    {"viafintech_camt_parser/spec/fixtures/053/valid_example_with_instdamt.xml", "camt.053.001.02",
     1, 1, 1, 10000, 450000},
    {"viafintech_camt_parser/spec/fixtures/053/valid_example_with_other_id.xml", "camt.053.001.02",
     1, 0, 0, std::nullopt, std::nullopt},
    {"viafintech_camt_parser/spec/fixtures/054/valid_example.xml", "camt.054.001.04", 1, 4, 5,
     std::nullopt, std::nullopt},
    {"dvbern_iso20022/iso20022-ch-impl/src/test/resources/ch/dvbern/oss/lib/iso20022/camt053/"
     "v00104/Business Sample camt.053.001.04.xml",
     "camt.053.001.04", 1, 3, 2, 50000000, 43567850},
    {"dvbern_iso20022/iso20022-ch-impl/src/test/resources/ch/dvbern/oss/lib/iso20022/camt053/"
     "v00104/camt.053_P_CH0309000000250090342_380000000_0_2016053100163801.xml",
     "camt.053.001.04", 1, 13, 32, 32215216, 32268977},
    {"dvbern_iso20022/iso20022-ch-impl/src/test/resources/ch/dvbern/oss/lib/iso20022/"
     "camt054.v00108/"
     "200519_camt.054_P_CH2909000000250094239_1111091335_0_2020061900081727_v2019.xml",
     "camt.054.001.08", 1, 1, 2, std::nullopt, std::nullopt},
    {"dvbern_iso20022/iso20022-ch-impl/src/test/resources/ch/dvbern/oss/lib/iso20022/"
     "camt054.v00108/camt.054_P_CH2909000000250094239_1111111112_0_2022031011011199_v2019.xml",
     "camt.054.001.08", 1, 1, 1, std::nullopt, std::nullopt},
    {"dvbern_iso20022/iso20022-ch-impl/src/test/resources/ch/dvbern/oss/lib/iso20022/camt054/"
     "v00104/200519_camt.054_P_CH2909000000250094239_1111091335_0_2020061900081727_v2009.xml",
     "camt.054.001.04", 1, 1, 2, std::nullopt, std::nullopt},
    {"dvbern_iso20022/iso20022-ch-impl/src/test/resources/ch/dvbern/oss/lib/iso20022/camt054/"
     "v00104/"
     "200519_camt054-ESR-ASR_P_CH2909000000250094239_1110092704_0_2019042500372179_v2009.xml",
     "camt.054.001.04", 1, 1, 1, std::nullopt, std::nullopt},
    {"dvbern_iso20022/iso20022-ch-impl/src/test/resources/ch/dvbern/oss/lib/iso20022/camt054/"
     "v00104/camt.054-ES_P_CH0309000000250090342_38000000_0_2016052723011813.xml",
     "camt.054.001.04", 1, 1, 8, std::nullopt, std::nullopt},
    {"dvbern_iso20022/iso20022-ch-impl/src/test/resources/ch/dvbern/oss/lib/iso20022/camt054/"
     "v00104/camt.054_P_CH2909000000250094239_1111111112_0_2022031011011199_v2009.xml",
     "camt.054.001.04", 1, 1, 1, std::nullopt, std::nullopt},
    {"dvbern_iso20022/iso20022-ch-impl/src/test/resources/ch/dvbern/oss/lib/iso20022/camt054/"
     "v00104/camt.054_P_CH2909000000250094239_1111111119_0_2022030911011199_v2009.xml",
     "camt.054.001.04", 1, 1, 1, std::nullopt, std::nullopt},
    {"dvbern_iso20022/iso20022-ch-impl/src/test/resources/ch/dvbern/oss/lib/iso20022/camt054/"
     "v00104/camt_054_Beispiel_NoCrdtBookedNotReversed.xml",
     "camt.054.001.04", 1, 3, 3, std::nullopt, std::nullopt},
    {"dvbern_iso20022/iso20022-ch-impl/src/test/resources/ch/dvbern/oss/lib/iso20022/camt054/"
     "v00104/camt_054_Beispiel_SammelbuchungEs.xml",
     "camt.054.001.04", 1, 1, 2, std::nullopt, std::nullopt},
    {"dvbern_iso20022/iso20022-ch-impl/src/test/resources/ch/dvbern/oss/lib/iso20022/camt054/"
     "v00104/camt_054_Beispiel_ZA1_ESR_ZE.xml",
     "camt.054.001.04", 1, 1, 1, std::nullopt, std::nullopt},
    {"prowide_prowide-iso20022/iso20022-core/src/test/resources/camt.053.001.07.xml",
     "camt.053.001.07", 1, 0, 0, 23423400, 23429900},
};

class CamtSample : public ::testing::TestWithParam<CamtRow> {};

TEST_P(CamtSample, MatchesManifest) {
  const CamtRow& row = GetParam();
  const ParsedFile parsed = parse_sample(row.path);
  ASSERT_TRUE(parsed.ok()) << parsed.errors.front().message();
  ASSERT_EQ(parsed.documents.size(), 1u);
  const Document& doc = parsed.documents.front();
  EXPECT_EQ(doc.format, row.format);
  ASSERT_EQ(doc.statements.size(), row.statements);
  EXPECT_EQ(entry_count(doc), row.entries);
  EXPECT_EQ(transaction_count(doc), row.transactions);
  if (row.opening) {
    const Balance* opening = balance_of(doc.statements.front(), "OPBD");
    if (opening == nullptr) opening = balance_of(doc.statements.front(), "PRCD");
    if (opening == nullptr) opening = &doc.statements.front().balances.at(0);
    EXPECT_EQ(opening->amount.cents(), *row.opening);
  }
  if (row.closing) {
    const Statement& last = doc.statements.back();
    const Balance* closing = balance_of(last, "CLBD");
    if (closing == nullptr) closing = &last.balances.back();
    EXPECT_EQ(closing->amount.cents(), *row.closing);
  }
}

INSTANTIATE_TEST_SUITE_P(Manifest, CamtSample, ::testing::ValuesIn(k_rows));

Statement only_statement(const ParsedFile& parsed) {
  if (!parsed.ok()) throw std::runtime_error(parsed.errors.front().message());
  return parsed.documents.at(0).statements.at(0);
}

TEST(CamtSource, ViafintechValidExample) {
  const Statement& s =
      only_statement(parse_sample("viafintech_camt_parser/spec/fixtures/053/valid_example.xml"));
  EXPECT_EQ(s.id, "0352C5320131227220503");
  EXPECT_EQ(s.sequence_number, "130000005");
  EXPECT_EQ(s.account.iban, "DE14740618130000033626");
  ASSERT_NE(balance_of(s, "PRCD"), nullptr);
  EXPECT_EQ(balance_of(s, "PRCD")->amount.cents(), 3306);
  EXPECT_EQ(balance_of(s, "PRCD")->date->to_string(), "2013-12-27");
  const Entry& e = s.entries.at(0);
  EXPECT_EQ(e.amount.cents(), -200);
  EXPECT_FALSE(e.credit);
  EXPECT_EQ(e.booking_date()->to_string(), "2013-12-27");
  EXPECT_EQ(e.value_date()->to_string(), "2013-12-27");
  EXPECT_EQ(e.account_servicer_ref(), "2013122710583450000");
  EXPECT_EQ(e.ref(), "1234567890sdfghjk");
  const Transaction& tx = e.transactions.at(0);
  EXPECT_EQ(tx.creditor().iban, "DE09300606010012345671");
  EXPECT_EQ(tx.creditor().bic, "DAAEDEDDXXX");
  EXPECT_EQ(tx.end_to_end_id(), "EndToEndReference");
  EXPECT_EQ(tx.mandate_id(), "MandateReference");
  ASSERT_EQ(tx.remittance().size(), 1u);
  EXPECT_EQ(tx.remittance()[0], "TEST BERWEISUNG MITTELS BLZUND KONTONUMMER - DTA");
  EXPECT_TRUE(s.warnings.empty()) << s.warnings.front();  // recon True in the MANIFEST
}

TEST(CamtSource, ViafintechV4ChargesAndReturns) {
  const Statement& s =
      only_statement(parse_sample("viafintech_camt_parser/spec/fixtures/053/valid_example_v4.xml"));
  ASSERT_EQ(s.entries.size(), 13u);
  bool found_kaufmann = false;
  for (const Transaction& tx : s.entries[6].transactions) {
    if (tx.debtor().name == "Hans Kaufmann" || tx.creditor().name == "Hans Kaufmann") {
      found_kaufmann = true;
      EXPECT_EQ(tx.amount->cents() < 0 ? -tx.amount->cents() : tx.amount->cents(), 10000);
      EXPECT_EQ(tx.creditor_ref(), "CreditorReference");
    }
  }
  EXPECT_TRUE(found_kaufmann);
  EXPECT_EQ(s.entries[12].transactions.at(0).return_reason(), "MD06");
  int reversals = 0;
  for (const Entry& e : s.entries)
    reversals += e.reversal ? 1 : 0;
  EXPECT_EQ(reversals, 2);
  EXPECT_TRUE(s.warnings.empty()) << s.warnings.front();
}

TEST(CamtSource, ViafintechV8) {
  const Statement& s =
      only_statement(parse_sample("viafintech_camt_parser/spec/fixtures/053/valid_example_v8.xml"));
  EXPECT_EQ(s.id, "R30B4SA880HMZ9XA");
  EXPECT_EQ(s.sequence_number, "122");
  EXPECT_EQ(s.from, "2023-06-20T00:00:00+02:00");
  EXPECT_EQ(s.entries.at(0).transactions.at(0).remittance().at(0), "INVOICE R77561");
  const Entry& e1 = s.entries.at(1);
  EXPECT_EQ(e1.amount.cents(), 8885);
  const Transaction& tx = e1.transactions.at(0);
  EXPECT_EQ(tx.account_servicer_ref(), "0123171DO5126811");
  EXPECT_EQ(tx.debtor().name, "Finanz AG");
  EXPECT_EQ(tx.creditor_ref(), "RF38000000000000000000552");
  EXPECT_EQ(tx.end_to_end_id(), "435A9287E088BDB1D97FAABD181C70C8");
  EXPECT_EQ(s.entries.at(2).amount.cents(), -2097);  // a debit, from the holder's view
  EXPECT_EQ(s.entries.at(2).currency(), "EUR");
}

TEST(CamtSource, ViafintechDatesDebitInstdAmtOtherId) {
  const Statement& dated = only_statement(
      parse_sample("viafintech_camt_parser/spec/fixtures/053/valid_example_with_datetime.xml"));
  EXPECT_EQ(dated.entries.at(0).booking_date()->to_string(), "2023-06-21T12:35:33.115965+00:00");
  EXPECT_FALSE(dated.entries.at(0).value_date().has_value());
  const Statement& debit = only_statement(
      parse_sample("viafintech_camt_parser/spec/fixtures/053/valid_example_with_debit.xml"));
  EXPECT_EQ(balance_of(debit, "PRCD")->amount.cents(), -3306);
  const Statement& instd = only_statement(
      parse_sample("viafintech_camt_parser/spec/fixtures/053/valid_example_with_instdamt.xml"));
  EXPECT_EQ(instd.entries.at(0).transactions.at(0).amount->cents(), 450000);
  const Statement& other = only_statement(
      parse_sample("viafintech_camt_parser/spec/fixtures/053/valid_example_with_other_id.xml"));
  EXPECT_TRUE(other.account.iban.empty());
  EXPECT_FALSE(other.account.other_id.empty());
  const Statement& report =
      only_statement(parse_sample("viafintech_camt_parser/spec/fixtures/052/valid_example.xml"));
  EXPECT_EQ(report.id, "0352C5220131227110203");
  EXPECT_TRUE(report.from.empty());
  const Statement& with_dates = only_statement(
      parse_sample("viafintech_camt_parser/spec/fixtures/052/valid_example_with_dates.xml"));
  EXPECT_EQ(with_dates.from.substr(0, 10), "2013-01-01");
  EXPECT_EQ(with_dates.to.substr(0, 10), "2019-08-09");
  const Statement& note =
      only_statement(parse_sample("viafintech_camt_parser/spec/fixtures/054/valid_example.xml"));
  EXPECT_EQ(note.id, "20160410375204000131032");
  EXPECT_FALSE(note.from.empty());
}

TEST(CamtSource, DvbernPostFinanceAndEsr) {
  const std::string dir =
      "dvbern_iso20022/iso20022-ch-impl/src/test/resources/ch/dvbern/oss/lib/iso20022/";
  const Statement& pf = only_statement(parse_sample(
      dir + "camt053/v00104/camt.053_P_CH0309000000250090342_380000000_0_2016053100163801.xml"));
  EXPECT_EQ(pf.id, "20160430375204000008574");
  EXPECT_EQ(pf.account.iban, "CH0309000000250090342");
  const Statement& esr =
      only_statement(parse_sample(dir + "camt054/v00104/camt_054_Beispiel_ZA1_ESR_ZE.xml"));
  EXPECT_EQ(esr.account.iban, "CH160077401231234567");
  EXPECT_EQ(esr.entries.at(0).booking_date()->to_string(), "2015-01-07");
  const Transaction& tx = esr.entries.at(0).transactions.at(0);
  EXPECT_EQ(tx.amount->cents(), 394975);
  EXPECT_EQ(tx.creditor_ref(), "210000000003139471430009017");
  EXPECT_EQ(tx.debtor().name, "Pia Rutschmann");
}

TEST(CamtSource, GenkgoBalanceTypesAndCurrencies) {
  const Statement& all =
      only_statement(parse_sample("genkgo_camt/test/data/camt053.v2.all-balance-types.xml"));
  std::vector<std::pair<std::string, std::int64_t>> got;
  for (const Balance& b : all.balances)
    got.emplace_back(b.type, b.amount.cents());
  const std::vector<std::pair<std::string, std::int64_t>> want = {
      {"OPBD", 101}, {"PRCD", 202}, {"OPAV", 303}, {"CLBD", 404}, {"CLAV", 505},
      {"FWAV", 606}, {"INFO", 707}, {"ITAV", 808}, {"ITBD", 909}, {"XPCD", 1010}};
  EXPECT_EQ(got, want);
  const Statement& minimal = only_statement(parse_sample("genkgo_camt/test/data/camt053.v8.xml"));
  EXPECT_EQ(balance_of(minimal, "OPAV")->amount.cents(), 3500);
  EXPECT_EQ(balance_of(minimal, "CLAV")->amount.cents(), -2700);  // JPY has no minor unit
  EXPECT_EQ(balance_of(minimal, "CLAV")->currency, "JPY");
  EXPECT_EQ(minimal.entries.at(0).amount.cents(), 885);
  EXPECT_EQ(minimal.entries.at(0).booking_date()->to_string(), "2014-12-31T13:15:00+01:00");
  EXPECT_EQ(minimal.account.other_id, "NL26VAYB8060476890");
  EXPECT_FALSE(minimal.warnings.empty());  // recon False: a mismatch is a warning
  const Statement multi = parse_sample("genkgo_camt/test/data/camt053.v2.multi.statement.xml")
                              .documents.at(0)
                              .statements.at(1);
  EXPECT_EQ(balance_of(multi, "OPBD")->amount.cents(), 2700);
  EXPECT_EQ(balance_of(multi, "CLBD")->amount.cents(), 2000);
  EXPECT_TRUE(multi.warnings.empty());
}

}  // namespace
}  // namespace kaution::formats::test
