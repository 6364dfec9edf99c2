#pragma once
// HttpClient: one per bank access, on libcurl with OpenSSL. Thread-safe: any number of threads
// may call send(); at most Limits::max_in_flight requests run at once (the others wait), at
// most Limits::requests_per_second start in any one second, connections and TLS sessions are
// reused, gzip and deflate are accepted. Every exchange is reported to the observer; messages
// never contain headers, bodies, query strings or registered secrets.

#include <functional>
#include <memory>
#include <semaphore>
#include <string>

#include "connectors/http/message.hpp"
#include "connectors/http/monotonic_clock.hpp"
#include "connectors/http/rate_limiter.hpp"
#include "connectors/http/settings.hpp"
#include "core/clock.hpp"

namespace kaution::httpclient {

namespace detail {
class CurlSession;
}

// Called on the requesting thread after each exchange; must be thread-safe.
using ExchangeObserver = std::function<void(const ExchangeRecord&)>;

struct HttpClientEnv {
  const Clock* clock = nullptr;         // wall time for Retry-After dates; null: system clock
  MonotonicClock* monotonic = nullptr;  // paces the rate limit; null: the steady clock
  ExchangeObserver observer;            // may be empty
};

class HttpClient {
 public:
  // Throws std::invalid_argument for a base URL that is not http(s) or limits out of range.
  // Logs a warning when TLS verification is off or the base URL is plain http.
  explicit HttpClient(HttpClientSettings settings, HttpClientEnv env = {});
  ~HttpClient();  // no send() may still be running
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // A 2xx response, or the classified failure (classify.hpp, transport_failure.hpp); a
  // failure after an HTTP answer carries that response.
  HttpResult send(const Request& request);

  const HttpClientSettings& settings() const { return m_settings; }
  const Clock& clock() const { return *m_clock; }

 private:
  HttpResult exchange(const Request& request, const std::string& what, ExchangeRecord& record);
  void report(const Request& request, const HttpResult& result, ExchangeRecord& record) const;

  HttpClientSettings m_settings;
  const Clock* m_clock;
  ExchangeObserver m_observer;
  std::counting_semaphore<> m_in_flight;
  RateLimiter m_rate;
  std::unique_ptr<detail::CurlSession> m_session;
};

}  // namespace kaution::httpclient
