// The explicit registry (connector.hpp): every connector kind and its factory, listed here at
// build time — no static-initialiser registration, no plugins loaded at run time.
#include <array>
#include <stdexcept>
#include <utility>

#include "connectors/aak/aak_connector.hpp"
#include "connectors/connector.hpp"
#include "connectors/dkb/dkb_connector.hpp"
#include "connectors/km/km_connector.hpp"

namespace kaution {
namespace {

using Factory = std::unique_ptr<Connector> (*)(const AccessConfig&, const ConnectorEnv&);

const std::array<std::pair<ConnectorKind, Factory>, 3> k_factories{{
    {ConnectorKind::aak, &make_aak_connector},
    {ConnectorKind::km, &make_km_connector},
    {ConnectorKind::dkb, &make_dkb_connector},
}};

}  // namespace

std::unique_ptr<Connector> make_connector(const AccessConfig& access, const ConnectorEnv& env) {
  for (const auto& [kind, factory] : k_factories)
    if (kind == access.connector) return factory(access, env);
  throw std::invalid_argument("access '" + access.name + "': no connector of kind " +
                              std::string(to_string(access.connector)));
}

}  // namespace kaution
