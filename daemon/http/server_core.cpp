#include "daemon/http/server_core.hpp"

namespace kaution::http {

void ServerCore::request_started() {
  const std::lock_guard lock(m_mutex);
  ++m_in_flight;
}

void ServerCore::request_finished() {
  const std::lock_guard lock(m_mutex);
  if (--m_in_flight == 0) m_idle.notify_all();
}

void ServerCore::start_draining() {
  const std::lock_guard lock(m_mutex);
  m_draining = true;
}

bool ServerCore::draining() const {
  const std::lock_guard lock(m_mutex);
  return m_draining;
}

bool ServerCore::wait_idle(std::chrono::milliseconds grace) {
  std::unique_lock lock(m_mutex);
  return m_idle.wait_for(lock, grace, [this] { return m_in_flight == 0; });
}

}  // namespace kaution::http
