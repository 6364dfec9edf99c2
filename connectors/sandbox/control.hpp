#pragma once
// The control endpoints of each sandbox port (no authentication; loopback only by default):
//   POST   /_control/faults   a rule or an array of rules (faults.hpp) → 201 {"ids": [...]}
//   GET    /_control/faults   → {"faults": [...]}
//   DELETE /_control/faults   → 204, all rules of this bank gone
//   GET    /_control/stats    → Stats::to_json();  DELETE /_control/stats → 204 (reset)
//   POST   /_control/advance  {"days": n} → {"today": "YYYY-MM-DD"}: the clock of all three banks
//   POST   /_control/bookings {"count": n} → n further payments today on this bank's open
//                             accounts, in turn (volume for benchmarks) → {"booked", "bookings"}
//   GET    /_control/state    → {"bank", "today", "accounts", "bookings", "unassigned"}

#include "connectors/sandbox/context.hpp"
#include "daemon/http/router.hpp"

namespace kaution::sandbox {

void add_control_routes(http::Router& router, BankContext& context);

// Adds the rules of `json` (one rule or an array) to `faults`; the error names the rule.
std::expected<std::vector<std::uint64_t>, std::string> add_faults(FaultSet& faults,
                                                                  const nlohmann::json& json);

}  // namespace kaution::sandbox
