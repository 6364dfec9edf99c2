#include <gtest/gtest.h>

#include <sstream>

#include "daemon/ctl/csv.hpp"
#include "daemon/ctl/csv_import.hpp"

// CSV as spreadsheets write it, and CSV rows → the ledger's deposit JSON.

namespace kaution::ctl {
namespace {

using nlohmann::json;

TEST(Csv, QuotedFieldsHoldSeparatorsQuotesAndLineBreaks) {
  const auto table = parse_csv(
      "\xEF\xBB\xBF"
      "a;b;c\r\n"
      "1;\"x;y\";\"say \"\"hi\"\"\"\r\n"
      "\r\n"
      "2;\"two\nlines\";  padded  \r\n");
  ASSERT_TRUE(table.has_value()) << table.error();
  EXPECT_EQ(table->separator, ';');
  EXPECT_EQ(table->header, (std::vector<std::string>{"a", "b", "c"}));
  ASSERT_EQ(table->records.size(), 2u);
  EXPECT_EQ(table->records[0].fields, (std::vector<std::string>{"1", "x;y", "say \"hi\""}));
  EXPECT_EQ(table->records[0].line, 2u);
  EXPECT_EQ(table->records[1].fields, (std::vector<std::string>{"2", "two\nlines", "padded"}));
  EXPECT_EQ(table->records[1].line, 4u);
}

TEST(Csv, CommaSeparatedWhenTheHeaderSaysSo) {
  const auto table = parse_csv("a,b\n\"1,5\",2\n");
  ASSERT_TRUE(table.has_value());
  EXPECT_EQ(table->separator, ',');
  EXPECT_EQ(table->records[0].fields, (std::vector<std::string>{"1,5", "2"}));
}

TEST(Csv, UnterminatedQuoteNamesItsLine) {
  const auto table = parse_csv("a;b\n1;2\n3;\"open\n");
  ASSERT_FALSE(table.has_value());
  EXPECT_EQ(table.error(), "line 3: unterminated quote");
}

TEST(Csv, WrittenRowsReadBack) {
  std::ostringstream out;
  write_csv_row(out, {"a", "x;y", "say \"hi\"", ""});
  EXPECT_EQ(out.str(), "a;\"x;y\";\"say \"\"hi\"\"\";\r\n");
}

std::vector<ImportRow> rows_of(const std::string& csv) {
  auto table = parse_csv(csv);
  EXPECT_TRUE(table.has_value());
  auto rows = deposits_from_csv(*table);
  EXPECT_TRUE(rows.has_value()) << rows.error();
  return rows.value_or(std::vector<ImportRow>{});
}

TEST(CsvImport, AFullRowBecomesTheDepositOfTheSpec) {
  const auto rows = rows_of(
      "deposit_id;rental_contract_no;object_no;object_label;object_owner;unit_no;connector;access;"
      "tenant_salutation;tenant_first_name;tenant_last_name;tenant_birth_date;tenant_nationality;"
      "tenant_street;tenant_postcode;tenant_city;tenant_country;account_holder;agreed_amount;"
      "instalment1_due;instalment1_amount;instalment2_due;instalment2_amount;instalment3_due;"
      "instalment3_amount;valid_from;valid_until;virtual_iban;payout_holder;payout_iban;"
      "net_cold_rent;residential\n"
      "D-2021-000184;1.080000.1047;P1096;Mittelweg 30, Dortmund;Wohnbau Dortmund GmbH;"
      "10006.1.340;aak;aak-main;Frau;Natalie;Schmidt;01.01.1990;DE;Mittelweg 30;44267;Dortmund;"
      "DE;Lidia Schott;1.340,00;01.01.2021;446,67;01.02.2021;446,67;01.03.2021;446,66;2021-01-01;"
      ";DE14550104000007223330;Natalie Schmidt;DE02120300000000202051;670,00;ja\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_TRUE(rows[0].errors.empty());
  EXPECT_EQ(rows[0].deposit_id, "D-2021-000184");
  EXPECT_EQ(rows[0].row, 2u);
  EXPECT_EQ(json::parse(rows[0].deposit.dump()), json::parse(R"({
    "deposit_id": "D-2021-000184", "rental_contract_no": "1.080000.1047",
    "object_no": "P1096", "object_label": "Mittelweg 30, Dortmund",
    "object_owner": "Wohnbau Dortmund GmbH", "unit_no": "10006.1.340",
    "connector": "aak", "access": "aak-main",
    "parties": [{"salutation": "Frau", "first_name": "Natalie", "last_name": "Schmidt",
                 "birth_date": "1990-01-01", "nationality": "DE",
                 "address": {"street": "Mittelweg 30", "postcode": "44267", "city": "Dortmund",
                             "country": "DE"}}],
    "account_holder": "Lidia Schott", "agreed_amount": "1340.00",
    "instalments": [{"due_date": "2021-01-01", "amount": "446.67"},
                    {"due_date": "2021-02-01", "amount": "446.67"},
                    {"due_date": "2021-03-01", "amount": "446.66"}],
    "valid_from": "2021-01-01", "virtual_iban": "DE14550104000007223330",
    "payout_account": {"holder": "Natalie Schmidt", "iban": "DE02120300000000202051"},
    "net_cold_rent": "670.00", "residential": true})"));
}

TEST(CsvImport, LaterPartiesAndInstalmentsCloseTheGaps) {
  const auto rows = rows_of(
      "deposit_id;party2_last_name;party3_role;party3_company_name;instalment2_due;"
      "instalment2_amount\nD-1;;guarantor;Bürgschaft AG;01.01.2021;100,00\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(json::parse(rows[0].deposit.at("parties").dump()),
            json::parse(R"([{"role": "guarantor", "company_name": "Bürgschaft AG"}])"));
  EXPECT_EQ(json::parse(rows[0].deposit.at("instalments").dump()),
            json::parse(R"([{"due_date": "2021-01-01", "amount": "100.00"}])"));
}

TEST(CsvImport, BadValuesRejectTheRowNamingTheColumn) {
  const auto rows = rows_of(
      "deposit_id;agreed_amount;valid_from;residential;rejected_reasons\n"
      "D-1;1.340;30.02.2026;vielleicht;old reasons are ignored\n"
      "D-2;1.340,00;28.02.2026;nein;\n");
  ASSERT_EQ(rows.size(), 2u);
  ASSERT_EQ(rows[0].errors.size(), 3u);
  EXPECT_EQ(rows[0].errors[0].field, "agreed_amount");
  EXPECT_EQ(rows[0].errors[1].field, "valid_from");
  EXPECT_EQ(rows[0].errors[2].field, "residential");
  EXPECT_TRUE(rows[0].deposit.is_null());
  EXPECT_EQ(rows[0].deposit_id, "D-1");
  EXPECT_TRUE(rows[1].errors.empty());
  EXPECT_EQ(json::parse(rows[1].deposit.dump()),
            json::parse(R"({"deposit_id": "D-2", "agreed_amount": "1340.00",
                            "valid_from": "2026-02-28", "residential": false})"));
}

TEST(CsvImport, UnknownOrRepeatedColumnsRejectTheFile) {
  auto table = parse_csv("deposit_id;agreed_amout\nD-1;1,00\n");
  auto rows = deposits_from_csv(*table);
  ASSERT_FALSE(rows.has_value());
  EXPECT_NE(rows.error().find("unknown column(s): \"agreed_amout\""), std::string::npos);
  EXPECT_NE(rows.error().find("agreed_amount"), std::string::npos);  // the allowed ones
  table = parse_csv("deposit_id;deposit_id\nD-1;D-2\n");
  EXPECT_EQ(deposits_from_csv(*table).error(), "column \"deposit_id\" appears twice");
}

TEST(CsvImport, TooManyFieldsIsAnErrorOfTheRow) {
  const auto rows = rows_of("deposit_id;unit_no\nD-1;U1;surplus\n");
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_EQ(rows[0].errors.size(), 1u);
  EXPECT_EQ(rows[0].errors[0].message, "3 fields, the header has 2");
}

}  // namespace
}  // namespace kaution::ctl
