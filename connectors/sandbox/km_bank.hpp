#pragma once
// The km sandbox bank (specs/km.md): SOAP 1.1 at POST /ws with a WS-Security UsernameToken in
// every request; every operation of the profile, faults as SOAP faults.

#include "connectors/sandbox/context.hpp"
#include "daemon/http/router.hpp"

namespace kaution::sandbox {

void add_km_routes(http::Router& router, BankContext& context);

}  // namespace kaution::sandbox
