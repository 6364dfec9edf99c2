#pragma once
// Test support: collects the exchange records an HttpClient reports, thread-safely.

#include <mutex>
#include <string>
#include <vector>

#include "connectors/http/http_client.hpp"

namespace kaution::test {

class ExchangeLog {
 public:
  httpclient::ExchangeObserver observer() {
    return [this](const httpclient::ExchangeRecord& r) {
      std::lock_guard lock(m_mutex);
      m_records.push_back(r);
    };
  }
  std::vector<httpclient::ExchangeRecord> records() const {
    std::lock_guard lock(m_mutex);
    return m_records;
  }
  // Every text field of every record, for searching.
  std::string all_text() const {
    std::string out;
    for (const auto& r : records())
      out += r.access + "|" + r.method + "|" + r.path + "|" + r.request_id + "|" + r.message + "\n";
    return out;
  }

 private:
  mutable std::mutex m_mutex;
  std::vector<httpclient::ExchangeRecord> m_records;
};

inline httpclient::HttpClientEnv env(ExchangeLog& log) {
  httpclient::HttpClientEnv e;
  e.observer = log.observer();
  return e;
}
inline httpclient::HttpClientEnv env(const Clock& clock) {
  httpclient::HttpClientEnv e;
  e.clock = &clock;
  return e;
}
inline httpclient::HttpClientEnv env(httpclient::MonotonicClock& clock) {
  httpclient::HttpClientEnv e;
  e.monotonic = &clock;
  return e;
}

// Settings for a client of a test server: short timeouts, no rate limit.
inline httpclient::HttpClientSettings test_settings(const std::string& base_url) {
  httpclient::HttpClientSettings s;
  s.access_name = "test-access";
  s.base_url = base_url;
  s.timeouts.connect_ms = 2000;
  s.timeouts.total_ms = 5000;
  s.limits.requests_per_second = 0;
  return s;
}

}  // namespace kaution::test
