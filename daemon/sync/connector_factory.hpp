#pragma once
// How the runtime gets a connector for an access: a factory with make_connector's signature
// (connectors/connector.hpp), so that tests pass fakes and the daemon the real registry.

#include <functional>
#include <memory>

#include "connectors/connector.hpp"

namespace kaution {

using ConnectorFactory =
    std::function<std::unique_ptr<Connector>(const AccessConfig&, const ConnectorEnv&)>;

// The registry of the bank connectors built into this binary (make_connector), or an empty
// factory when the build has none yet.
ConnectorFactory bank_connectors();

}  // namespace kaution
