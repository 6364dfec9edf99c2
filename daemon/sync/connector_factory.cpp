#include "daemon/sync/connector_factory.hpp"

namespace kaution {

ConnectorFactory bank_connectors() {
#ifdef KAUTION_HAVE_CONNECTORS
  return [](const AccessConfig& access, const ConnectorEnv& env) {
    return make_connector(access, env);
  };
#else
  return {};
#endif
}

}  // namespace kaution
