#pragma once
// The km connector (specs/km.md): First Financial KM-Modul over SOAP 1.1 with a WS-Security
// UsernameToken. See connectors/km/README.md for the decisions the spec leaves open.

#include <memory>

#include "connectors/connector.hpp"

namespace kaution {

// A connector for a km access: access.username and access.password are the WS-Security
// credentials (the password is registered with Redactor::global()), access.km the trust
// accounts. Missing credentials are not an error here: every call then fails with class
// credentials. Throws std::invalid_argument for a base URL that is not http(s).
std::unique_ptr<Connector> make_km_connector(const AccessConfig& access, const ConnectorEnv& env);

}  // namespace kaution
