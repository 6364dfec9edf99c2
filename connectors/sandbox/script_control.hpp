#pragma once
// The control endpoints for scripted situations (no authentication, like control.hpp's), on
// each bank's port, acting on that bank:
//   POST /_control/pay          {"contract", "amount": "1340.00"} → 201 {"reference", "date"}:
//                               a payment today that the bank assigns to the contract's open
//                               account; 404 when it has none
//   POST /_control/pay-unassignable {"amount"} → 201 {"reference", "date"}: a payment today
//                               nobody can assign (aak: to the trust account itself; km, dkb:
//                               to the trust / collective account naming no contract)
//   POST /_control/reject-next  {"contract", "field"?, "code"?, "message"?} → 204: the next
//                               export of the contract is refused with this field error, in
//                               the profile's shape (aak 422 errors, km km:Fehler, dkb 422
//                               violations)
//   GET  /_control/closed       → {"contracts": [...]}: the accounts closed at this bank

#include "connectors/sandbox/context.hpp"
#include "daemon/http/router.hpp"

namespace kaution::sandbox {

void add_script_routes(http::Router& router, BankContext& context);

}  // namespace kaution::sandbox
