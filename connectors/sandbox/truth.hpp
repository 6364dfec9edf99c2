#pragma once
// GET /_control/bookings: the bank's ground truth for tests that check a store against it (the
// crash harness, tests/crash). Answers {"bank", "today", "count", "bookings": [{"reference",
// "ledger_account", "date", "amount_cents", "kind", "contract"}]} in journal order, `contract`
// empty while unassigned.

#include "connectors/sandbox/context.hpp"
#include "daemon/http/router.hpp"

namespace kaution::sandbox {

void add_truth_routes(http::Router& router, BankContext& context);

}  // namespace kaution::sandbox
