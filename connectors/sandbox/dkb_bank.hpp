#pragma once
// The dkb sandbox bank (specs/dkb.md): mutual TLS (checked by the listener) plus OAuth2 at
// /oauth/token; tenancies, bulk camt.053.001.02 statements, balances, unassigned bookings,
// bookings assigned in the portal. POST /_control/portal-assign simulates the portal.

#include <expected>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "connectors/sandbox/checks.hpp"
#include "connectors/sandbox/context.hpp"
#include "daemon/http/router.hpp"

namespace kaution::sandbox {

struct DkbTenancy {
  AccountRecord record;  // one instalment: the deposit amount, due at the start
};

// The body of PUT /kaution/v1/tenancies/{contractNumber} checked against dkb.md's limits
// (the collective IBAN is checked against the bank's accounts by the caller).
std::expected<DkbTenancy, std::vector<Violation>> check_dkb_tenancy(const nlohmann::json& body,
                                                                    const std::string& contract);

// Every dkb route, gated, plus POST /_control/portal-assign {"reference", "contractNumber"}.
void add_dkb_routes(http::Router& router, BankContext& context);

}  // namespace kaution::sandbox
