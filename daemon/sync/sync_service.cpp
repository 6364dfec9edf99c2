#include "daemon/sync/sync_service.hpp"

#include "daemon/sync/connector_factory.hpp"
#include "daemon/sync/scheduler.hpp"
#include "daemon/sync/worker.hpp"

namespace kaution {

SyncService::SyncService(StoreAccess& store, const Clock& clock, StatusRefresh refresh,
                         const Config& config)
    : m_scheduler(
          std::make_unique<SyncScheduler>(store, clock, bank_connectors(), std::move(refresh))) {
  m_scheduler->configure(config);
}

SyncService::~SyncService() {
  stop();
}

void SyncService::configure(const Config& config) {
  m_scheduler->configure(config);
}

int SyncService::run_once() {
  return once_exit_code(m_scheduler->run_full_cycle());
}

void SyncService::start() {
  if (!m_worker) m_worker = std::make_unique<SyncWorker>(*m_scheduler);
}

void SyncService::stop() {
  m_worker.reset();
}

void SyncService::wake() {
  m_scheduler->wake();
}

bool SyncService::has_connectors() const {
  return m_scheduler->has_connectors();
}

Result<std::string> SyncService::check_access(const std::string& name) {
  return m_scheduler->check_access(name);
}

}  // namespace kaution
