#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "connectors/formats/statement_command.hpp"
#include "sample_support.hpp"

// `kautionctl statement parse FILE... [--json]`: output shape and exit codes.

namespace kaution::formats::test {
namespace {

const std::string k_053 = "viafintech_camt_parser/spec/fixtures/053/valid_example.xml";

TEST(StatementCommand, JsonHasTheDocumentedShape) {
  std::ostringstream out, err;
  ASSERT_EQ(run_statement_parse({sample_path(k_053)}, true, out, err), 0) << err.str();
  const auto json = nlohmann::json::parse(out.str());
  const auto& doc = json.at("documents").at(0);
  EXPECT_EQ(doc.at("format"), "camt.053.001.02");
  const auto& st = doc.at("statements").at(0);
  EXPECT_EQ(st.at("id"), "0352C5320131227220503");
  EXPECT_EQ(st.at("account").at("iban"), "DE14740618130000033626");
  EXPECT_EQ(st.at("account").at("currency"), "EUR");
  EXPECT_EQ(
      st.at("balances").at(0),
      (nlohmann::json{
          {"type", "PRCD"}, {"amount_cents", 3306}, {"currency", "EUR"}, {"date", "2013-12-27"}}));
  const auto& e = st.at("entries").at(0);
  EXPECT_EQ(e.at("ref"), "1234567890sdfghjk");
  EXPECT_EQ(e.at("account_servicer_ref"), "2013122710583450000");
  EXPECT_EQ(e.at("amount_cents"), -200);
  EXPECT_EQ(e.at("currency"), "EUR");
  EXPECT_EQ(e.at("status"), "BOOK");
  EXPECT_EQ(e.at("reversal"), false);
  EXPECT_EQ(e.at("booking_date"), "2013-12-27");
  EXPECT_EQ(e.at("value_date"), "2013-12-27");
  for (const char* key : {"domain", "family", "subfamily", "proprietary"})
    EXPECT_TRUE(e.at("bank_tx_code").contains(key));
  const auto& tx = e.at("transactions").at(0);
  EXPECT_EQ(tx.at("amount_cents"), -200);
  EXPECT_EQ(tx.at("end_to_end_id"), "EndToEndReference");
  EXPECT_EQ(tx.at("remittance"), "TEST BERWEISUNG MITTELS BLZUND KONTONUMMER - DTA");
  EXPECT_EQ(tx.at("debtor").at("name"), "Wayne Enterprises");
  EXPECT_EQ(tx.at("creditor").at("iban"), "DE09300606010012345671");
  EXPECT_EQ(st.at("warnings"), nlohmann::json::array());
  EXPECT_EQ(json.at("errors"), nlohmann::json::array());
}

TEST(StatementCommand, RejectedFileGivesExit2AndOthersStillPrinted) {
  std::ostringstream out, err;
  const int rc = run_statement_parse({sample_path("genkgo_camt/test/data/camt053.v2.wrong.xml"),
                                      sample_path(k_053), sample_path("no/such/file.xml")},
                                     false, out, err);
  EXPECT_EQ(rc, 2);
  EXPECT_NE(out.str().find("statement 0352C5320131227220503"), std::string::npos) << out.str();
  EXPECT_NE(err.str().find("rejected: "), std::string::npos);
  EXPECT_NE(
      err.str().find(
          "camt053.v2.wrong.xml: line 1, Document/BkToCstmrStmt: BkToCstmrStmt contains no Stmt"),
      std::string::npos)
      << err.str();
  EXPECT_NE(err.str().find("cannot open the file"), std::string::npos);
}

TEST(StatementCommand, JsonListsErrors) {
  std::ostringstream out, err;
  EXPECT_EQ(run_statement_parse(
                {sample_path("dvbern_iso20022/iso20022-ch-impl/src/test/resources/ch/"
                             "dvbern/oss/lib/iso20022/pain008/v00102ch03/pain008Reference.xml")},
                true, out, err),
            2);
  const auto json = nlohmann::json::parse(out.str());
  EXPECT_TRUE(json.at("documents").empty());
  EXPECT_EQ(json.at("errors").at(0).at("not_a_statement"), true);
}

TEST(StatementCommand, SummaryShowsBalancesEntriesAndWarnings) {
  std::ostringstream out, err;
  ASSERT_EQ(
      run_statement_parse({sample_path("genkgo_camt/test/data/camt053.v8.xml")}, false, out, err),
      0);
  const std::string text = out.str();
  EXPECT_NE(text.find("camt.053.001.08, 1 statement"), std::string::npos) << text;
  EXPECT_NE(text.find("balance CLAV 2014-12-31  -2700 JPY"), std::string::npos) << text;
  EXPECT_NE(text.find("1 entries"), std::string::npos) << text;
  EXPECT_NE(text.find("warning: balances not checked: opening in EUR, closing in SEK"),
            std::string::npos)
      << text;
}

}  // namespace
}  // namespace kaution::formats::test
