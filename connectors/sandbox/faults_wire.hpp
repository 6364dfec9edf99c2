#pragma once
// The fault kinds that break the exchange on the wire rather than in the profile's words:
// hang (the request is read and never answered), reset_body (headers and half the body, then a
// TCP reset) and content_type (a 200 page of another media type, as a proxy or a login portal
// in front of the bank would send). The gate (gate.cpp) dispatches them here.

#include "connectors/sandbox/context.hpp"
#include "daemon/http/router.hpp"

namespace kaution::sandbox {

http::Response with_wire_fault(BankContext& context, const FaultRule& rule,
                               const http::Request& request, const http::Handler& handler);

}  // namespace kaution::sandbox
