// Reconciliation lines and their JSON and CSV forms.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "daemon/api/reconciliation.hpp"

namespace kaution::test {
namespace {

using api::ReconciliationReport;

ReconcileFacts facts(const std::string& id) {
  ReconcileFacts f;
  f.deposit_id = id;
  f.connector = "aak";
  f.access = "aak-main";
  f.tenant_name = "Schmidt, Natalie";
  f.agreed = Money::from_cents(134000);
  f.payments = Money::from_cents(134000);
  f.any_payment = true;
  f.bookings_total = Money::from_cents(134217);
  f.bank_balance = Money::from_cents(134217);
  f.bank_balance_date = *Date::parse("2026-11-01");
  f.ledger = LedgerFigures{
      *Date::parse("2026-11-01"), Money::from_cents(134000), Money::from_cents(134217), {}};
  return f;
}

TEST(ApiReconciliation, GermanDecimal) {
  EXPECT_EQ(api::german_decimal(Money::from_cents(134000)), "1340,00");
  EXPECT_EQ(api::german_decimal(Money::from_cents(-50)), "-0,50");
  EXPECT_EQ(api::german_decimal(Money::from_cents(123456789)), "1234567,89");
}

TEST(ApiReconciliation, LineDiffersAndWhy) {
  EXPECT_FALSE(api::reconcile_line(facts("D-1")).row.differs);
  ReconcileFacts f = facts("D-2");
  f.status = DepositStatus::stale;
  f.bookings_total = Money::from_cents(100);
  const auto line = api::reconcile_line(f);
  EXPECT_TRUE(line.row.differs);
  EXPECT_EQ(line.row.reasons,
            (std::vector<std::string_view>{k_reason_booking_difference, k_reason_stale}));
}

TEST(ApiReconciliation, CsvQuotesAndGuardsText) {
  ReconciliationReport report;
  report.as_of = *Date::parse("2026-11-23");
  ReconcileFacts f = facts("D-1");
  f.tenant_name = "=HYPERLINK(\"x\";\"y\")";
  report.lines.push_back(api::reconcile_line(f));
  const std::string csv = api::reconciliation_csv(report, false);
  EXPECT_NE(csv.find("\r\nD-1;aak;aak-main;\"'=HYPERLINK(\"\"x\"\";\"\"y\"\")\";1340,00;1340,00;"
                     "1340,00;1342,17;2026-11-01;1342,17;2026-11-01;1342,17;0,00;green;false;"
                     "false;\r\n"),
            std::string::npos)
      << csv;
  EXPECT_EQ(csv.rfind("deposit_id;", 0), 0u);
  EXPECT_EQ(api::reconciliation_csv(report, true).rfind("\xEF\xBB\xBF", 0), 0u);
}

TEST(ApiReconciliation, JsonIsValidAndEscaped) {
  ReconciliationReport report;
  report.as_of = *Date::parse("2026-11-23");
  report.deposits = 2;
  ReconcileFacts f = facts("D-\"1\"");
  f.tenant_name = "Back\\slash\nnew\x01line";
  f.ledger.reset();
  report.lines.push_back(api::reconcile_line(f));
  const auto json = nlohmann::json::parse(api::reconciliation_json(report));
  EXPECT_EQ(json["deposits"], 2);
  const auto& row = json["rows"][0];
  EXPECT_EQ(row["deposit_id"], "D-\"1\"");
  EXPECT_EQ(row["tenant"], "Back\\slash\nnew\x01line");
  EXPECT_TRUE(row["ledger_paid"].is_null());
  EXPECT_EQ(row["bank_paid"], "1340.00");
  EXPECT_EQ(row["differs"], true);
  EXPECT_EQ(row["reasons"], nlohmann::json::array({"ledger_missing"}));
}

}  // namespace
}  // namespace kaution::test
