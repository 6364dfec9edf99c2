#pragma once
// The endpoints of ledger-api.md, one function per group, each adding its routes to a Router.
// Roles: ledger writes deposits and reads the booking feed; support closes, re-triggers,
// assigns, checks accesses and reloads; operator (every token) reads.

#include "daemon/api/context.hpp"
#include "daemon/http/router.hpp"

namespace kaution::api {

// PUT /deposits/{id}, DELETE /deposits/{id}, POST /deposits/{id}/close,
// PUT /deposits/{id}/ledger
void add_deposit_write_routes(http::Router& router, ApiContext& context);
// POST /deposits:batch
void add_batch_routes(http::Router& router, ApiContext& context);
// GET /deposits/{id}, GET /deposits/{id}/history
void add_deposit_read_routes(http::Router& router, ApiContext& context);
// GET /deposits
void add_deposit_list_routes(http::Router& router, ApiContext& context);
// GET /status, POST /deposits/{id}/export, POST /exports:retrigger
void add_status_routes(http::Router& router, ApiContext& context);
// POST /accesses/{name}/check, POST /reload
void add_operation_routes(http::Router& router, ApiContext& context);
// GET /bookings, GET /bookings/unassigned, POST /bookings/{id}/assign
void add_booking_routes(http::Router& router, ApiContext& context);
// GET /reconciliation
void add_reconciliation_routes(http::Router& router, ApiContext& context);

// GET /metrics (Prometheus text). Who may read it: metrics_role().
void add_metrics_route(http::Router& router, ApiContext& context, http::Role role);
// No token on the Unix socket and on a loopback TCP listener (the socket's mode and group, or
// the host, guard it, as for /healthz); any valid token (operator) when the API listens on TCP
// beyond loopback. One role per route, so a non-loopback listener asks it on the socket too.
http::Role metrics_role(const ApiConfig& api);

// Every route above (the paths under /api/v1). `context` must outlive the router.
http::Router make_router(ApiContext& context);

}  // namespace kaution::api
