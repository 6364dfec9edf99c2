#pragma once
// The aak connector (specs/aak.md): Aareal Account Kautionen over REST/JSON with OAuth2
// client credentials (HTTP Basic), statements as camt.053.001.08 assigned by vIBAN.

#include <memory>

#include "connectors/connector.hpp"

namespace kaution {

// For an access with connector aak. Sends nothing until called.
std::unique_ptr<Connector> make_aak_connector(const AccessConfig& access, const ConnectorEnv& env);

}  // namespace kaution
