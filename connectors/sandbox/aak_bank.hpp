#pragma once
// The aak sandbox bank (specs/aak.md): OAuth2 client credentials at /oauth2/token, master data
// per deposit, balances, camt.053.001.08 statements of the trust account, manual assignment,
// interest distributions, close.

#include <expected>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "connectors/sandbox/checks.hpp"
#include "connectors/sandbox/context.hpp"
#include "daemon/http/router.hpp"

namespace kaution::sandbox {

struct AakDeposit {
  AccountRecord record;
  std::optional<std::string> uuid;
};

// The body of PUT /v1/deposits/{contractNumber} checked against aak.md's limits.
std::expected<AakDeposit, std::vector<Violation>> check_aak_deposit(const nlohmann::json& body,
                                                                    const std::string& contract);

// Every aak route, gated (faults, stats); the control routes are added by the caller.
void add_aak_routes(http::Router& router, BankContext& context);

}  // namespace kaution::sandbox
