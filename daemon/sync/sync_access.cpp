#include "daemon/sync/sync_access.hpp"

namespace kaution {
namespace {

BankProfile profile_of(ConnectorKind kind) {
  switch (kind) {
    case ConnectorKind::aak:
      return BankProfile::aak;
    case ConnectorKind::km:
      return BankProfile::km;
    case ConnectorKind::dkb:
      return BankProfile::dkb;
  }
  return BankProfile::aak;
}

}  // namespace

AccessInfo access_info(const AccessConfig& config) {
  AccessInfo info{config.name, profile_of(config.connector), {}};
  if (config.km)
    for (const TrustAccount& t : config.km->trust_accounts)
      info.trust_accounts.push_back(t.iban);
  if (config.dkb) info.trust_accounts = config.dkb->collective_ibans;
  return info;
}

SyncAccess::SyncAccess(AccessConfig config, std::unique_ptr<Connector> connector)
    : m_config(std::move(config)),
      m_info(access_info(m_config)),
      m_connector(std::move(connector)) {}

}  // namespace kaution
