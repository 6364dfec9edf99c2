#pragma once
// SyncAccess: one configured access at run time — its config, what validation knows of it,
// and its connector (none when no connector is built for its kind). Calls to the connector
// are serialised per access, since the sync worker and the API's check may meet here.

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"
#include "connectors/connector.hpp"
#include "mapping/validate.hpp"

namespace kaution {

// What validation and trust-account resolution need of an access.
AccessInfo access_info(const AccessConfig& config);

class SyncAccess {
 public:
  SyncAccess(AccessConfig config, std::unique_ptr<Connector> connector);

  const std::string& name() const { return m_config.name; }
  const AccessConfig& config() const { return m_config; }
  const AccessInfo& info() const { return m_info; }
  // The connector kind as the store keeps it ("aak", "km", "dkb").
  std::string_view connector_name() const { return to_string(m_config.connector); }
  bool active() const { return m_config.active; }
  bool has_connector() const { return m_connector != nullptr; }

  // Runs f(connector) while no other thread calls this access's connector; has_connector()
  // must be true.
  template <class F>
  auto call(F&& f) {
    std::lock_guard lock(m_mutex);
    return std::forward<F>(f)(*m_connector);
  }

 private:
  AccessConfig m_config;
  AccessInfo m_info;
  std::unique_ptr<Connector> m_connector;
  std::mutex m_mutex;
};

using AccessList = std::vector<std::shared_ptr<SyncAccess>>;

}  // namespace kaution
