#include "daemon/api/context.hpp"

#include <utility>

namespace kaution::api {
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

AccessInfo access_info(const AccessConfig& access) {
  AccessInfo info{access.name, profile_of(access.connector), {}};
  if (access.km)
    for (const TrustAccount& account : access.km->trust_accounts)
      info.trust_accounts.push_back(account.iban);
  if (access.dkb) info.trust_accounts = access.dkb->collective_ibans;
  return info;
}

}  // namespace

ApiSettings settings_from_config(const Config& config) {
  ApiSettings settings;
  for (const AccessConfig& access : config.accesses)
    settings.validation.accesses.push_back(access_info(access));
  settings.validation.bgb551_is_error = config.rules.bgb551 == Bgb551Mode::error;
  settings.status_rules = {config.rules.stale_after_days,
                           config.rules.faulty_without_balance_after_days};
  return settings;
}

ApiContext::ApiContext(StoreAccess& store, const Clock& clock, ApiSettings settings, ApiHooks hooks)
    : m_store(store),
      m_clock(clock),
      m_hooks(std::move(hooks)),
      m_settings(std::make_shared<const ApiSettings>(std::move(settings))) {}

std::shared_ptr<const ApiSettings> ApiContext::settings() const {
  std::lock_guard lock(m_mutex);
  return m_settings;
}

void ApiContext::replace_settings(ApiSettings settings) {
  auto next = std::make_shared<const ApiSettings>(std::move(settings));
  std::lock_guard lock(m_mutex);
  m_settings = std::move(next);
}

void ApiContext::notify_exports_queued() const {
  if (m_hooks.exports_queued) m_hooks.exports_queued();
}

}  // namespace kaution::api
