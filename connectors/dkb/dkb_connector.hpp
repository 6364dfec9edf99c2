#pragma once
// The dkb connector (specs/dkb.md): DKB deposit accounts over REST/JSON with mutual TLS and
// OAuth2 client credentials (form body), statements as camt.053.001.02 of the collective
// accounts, unassigned bookings assigned in DKB's portal.

#include <memory>

#include "connectors/connector.hpp"

namespace kaution {

// For an access with connector dkb (its `dkb.collective_ibans`). Sends nothing until called.
std::unique_ptr<Connector> make_dkb_connector(const AccessConfig& access, const ConnectorEnv& env);

}  // namespace kaution
