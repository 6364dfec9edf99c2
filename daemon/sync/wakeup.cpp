#include "daemon/sync/wakeup.hpp"

namespace kaution {

void SyncWakeup::poke() {
  {
    std::lock_guard lock(m_mutex);
    m_poked = true;
  }
  m_changed.notify_all();
}

void SyncWakeup::stop() {
  {
    std::lock_guard lock(m_mutex);
    m_stopped = true;
  }
  m_changed.notify_all();
}

bool SyncWakeup::stopped() const {
  std::lock_guard lock(m_mutex);
  return m_stopped;
}

void SyncWakeup::wait_for(std::chrono::milliseconds timeout) {
  std::unique_lock lock(m_mutex);
  m_changed.wait_for(lock, timeout, [this] { return m_poked || m_stopped; });
  m_poked = false;
}

}  // namespace kaution
