#include "daemon/api/reload_requests.hpp"

#include <signal.h>
#include <unistd.h>

namespace kaution::api {

ReloadOutcome ReloadRequests::request(std::chrono::milliseconds timeout) {
  std::unique_lock lock(m_mutex);
  const std::uint64_t target = m_started + 1;  // the first reload to start from now on
  lock.unlock();
  ::kill(::getpid(), SIGHUP);
  lock.lock();
  if (!m_done.wait_for(lock, timeout, [&] { return m_finished >= target; }))
    return {false, "timed out waiting for the reload"};
  return m_last;
}

void ReloadRequests::started() {
  std::lock_guard lock(m_mutex);
  ++m_started;
}

void ReloadRequests::finished(ReloadOutcome outcome) {
  {
    std::lock_guard lock(m_mutex);
    ++m_finished;
    m_last = std::move(outcome);
  }
  m_done.notify_all();
}

}  // namespace kaution::api
