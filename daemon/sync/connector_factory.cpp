#include "daemon/sync/connector_factory.hpp"

#include "daemon/sync/instrumented_connector.hpp"

namespace kaution {

ConnectorFactory bank_connectors() {
#ifdef KAUTION_HAVE_CONNECTORS
  return [](const AccessConfig& access, const ConnectorEnv& env) {
    ConnectorEnv observed = env;
    observed.observer = with_request_metrics(env.observer);
    return instrumented(make_connector(access, observed));
  };
#else
  return {};
#endif
}

}  // namespace kaution
