#include "daemon/sync/worker.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace kaution {
namespace {

using namespace std::chrono_literals;

// The longest sleep, so that a clock jump or a missed poke costs at most this much.
constexpr std::chrono::milliseconds k_max_sleep = 5min;
// The pause after a run that failed as a whole (the store threw).
constexpr std::chrono::milliseconds k_after_failure = 1min;

}  // namespace

SyncWorker::SyncWorker(SyncScheduler& scheduler)
    : m_scheduler(scheduler), m_thread([this] { loop(); }) {}

SyncWorker::~SyncWorker() {
  m_scheduler.request_stop();
  m_thread.join();
}

void SyncWorker::loop() {
  while (!m_scheduler.stopping()) {
    std::chrono::milliseconds sleep = k_after_failure;
    try {
      const TimePoint next = m_scheduler.run_due();
      const TimePoint now = m_scheduler.clock().now();
      // `next` may be TimePoint::min() (an access resumed after a credentials refusal has not
      // been imported yet): due now, and `next - now` would overflow.
      sleep = next <= now ? 0ms : std::chrono::duration_cast<std::chrono::milliseconds>(next - now);
    } catch (const std::exception& e) {
      spdlog::error("SYNC_RUN_FAILED error=\"{}\"", e.what());
    }
    m_scheduler.wakeup().wait_for(std::clamp(sleep, 0ms, k_max_sleep));
  }
}

}  // namespace kaution
