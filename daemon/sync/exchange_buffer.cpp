#include "daemon/sync/exchange_buffer.hpp"

#include <spdlog/spdlog.h>

namespace kaution {
namespace {

Exchange to_exchange(const httpclient::ExchangeRecord& r, TimePoint at) {
  Exchange e;
  e.at = at;
  e.access = r.access;
  e.method = r.method;
  e.path = r.path;
  if (r.status != 0) e.http_status = r.status;
  e.duration_ms = r.duration.count();
  e.bytes = static_cast<std::int64_t>(r.request_bytes + r.response_bytes);
  if (!r.request_id.empty()) e.request_id = r.request_id;
  return e;
}

}  // namespace

httpclient::ExchangeObserver ExchangeBuffer::observer() {
  return [this](const httpclient::ExchangeRecord& record) { add(record); };
}

void ExchangeBuffer::add(const httpclient::ExchangeRecord& record) {
  spdlog::debug("BANK_EXCHANGE access={} method={} path={} status={} ms={} request_id={}",
                record.access, record.method, record.path, record.status, record.duration.count(),
                record.request_id);
  std::lock_guard lock(m_mutex);
  if (m_pending.size() >= k_max_pending) {
    m_pending.pop_front();
    ++m_dropped;
  }
  m_pending.push_back(to_exchange(record, m_clock.now()));
}

void ExchangeBuffer::flush(StoreAccess& store) {
  {
    std::lock_guard lock(m_mutex);
    if (m_pending.empty() && m_dropped == 0) return;
  }
  store.with([&](Store& s) { s.transaction([&] { write_to(s); }); });
}

void ExchangeBuffer::write_to(Store& store) {
  std::deque<Exchange> batch;
  std::size_t dropped = 0;
  {
    std::lock_guard lock(m_mutex);
    batch.swap(m_pending);
    std::swap(dropped, m_dropped);
  }
  if (dropped > 0) spdlog::warn("EXCHANGES_DROPPED count={} (log flushed too late)", dropped);
  for (const Exchange& e : batch)
    store.record_exchange(e);
}

}  // namespace kaution
