#pragma once
// Reconciliation [Abgleich] as the API answers it: one line per deposit from the store's facts
// (mapping/reconcile.hpp decides what differs), written as JSON or as German-friendly CSV
// (';' separator, decimal comma, header row, optional UTF-8 BOM). The writers append to one
// string directly: a million rows must not become a million JSON objects first.

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "mapping/reconcile.hpp"
#include "queue/records.hpp"

namespace kaution::api {

struct ReconciliationLine {
  ReconcileFacts facts;
  ReconcileRow row;
};

// stale: the deposit's current status is `stale` (the status has no history by date).
ReconciliationLine reconcile_line(ReconcileFacts facts);

struct ReconciliationReport {
  Date as_of = Date::from_days(0);
  std::int64_t deposits = 0;              // every deposit looked at
  std::int64_t differing = 0;             // of which differ
  std::vector<ReconciliationLine> lines;  // the differing ones, or all with all=true
};

// {"as_of", "deposits", "differing", "rows": [{deposit_id, connector, access, tenant, agreed,
// bank_paid, ledger_paid, bank_balance, bank_balance_date, ledger_balance, ledger_as_of,
// bookings_total, booking_difference, traffic_light, stale, differs, reasons}]}
std::string reconciliation_json(const ReconciliationReport& report);
// The same columns; money "1340,00", dates YYYY-MM-DD, CRLF line ends, text quoted when it holds
// ';', '"' or a line break, and prefixed with "'" when it starts with = + - @ (no formulas in
// spreadsheets).
std::string reconciliation_csv(const ReconciliationReport& report, bool bom);

// "1340,00", "-0,50".
std::string german_decimal(Money money);

}  // namespace kaution::api
