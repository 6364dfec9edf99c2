#pragma once
// ExchangeBuffer: collects the exchanges the connectors report (from any thread) and writes
// them to the store's exchange log in one transaction per flush, so that a bulk export does
// not pay a commit per request. Bodies and secrets never get here (httpclient::ExchangeRecord).

#include <deque>
#include <mutex>

#include "connectors/http/http_client.hpp"
#include "core/clock.hpp"
#include "daemon/store_access.hpp"
#include "queue/records.hpp"

namespace kaution {

class ExchangeBuffer {
 public:
  explicit ExchangeBuffer(const Clock& clock) : m_clock(clock) {}

  // The observer to give the connectors; thread-safe.
  httpclient::ExchangeObserver observer();
  void add(const httpclient::ExchangeRecord& record);
  // Writes what was collected, in one transaction; a no-op when nothing was.
  void flush(StoreAccess& store);
  // The same inside the caller's use of the store (and its transaction).
  void write_to(Store& store);

 private:
  // Beyond this many unflushed records the oldest are dropped (and counted in the log).
  static constexpr std::size_t k_max_pending = 100000;

  const Clock& m_clock;
  std::mutex m_mutex;
  std::deque<Exchange> m_pending;
  std::size_t m_dropped = 0;
};

}  // namespace kaution
