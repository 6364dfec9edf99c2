#include "connectors/http/http_client.hpp"

#include <spdlog/spdlog.h>

#include <stdexcept>

#include "connectors/http/classify.hpp"
#include "connectors/http/curl_session.hpp"
#include "connectors/http/transport_failure.hpp"
#include "connectors/http/url.hpp"

namespace kaution::httpclient {

namespace {

const HttpClientSettings& validated(const HttpClientSettings& s) {
  const std::string access = "access '" + s.access_name + "': ";
  if (!is_http_url(s.base_url))
    throw std::invalid_argument(access + "base_url must start with https:// or http://");
  if (s.limits.max_in_flight < 1)
    throw std::invalid_argument(access + "limits.max_in_flight must be at least 1");
  if (s.limits.requests_per_second < 0)
    throw std::invalid_argument(access + "limits.requests_per_second must not be negative");
  if (!s.tls.verify)
    spdlog::warn("access '{}': TLS certificate verification is switched off (tls.verify false)",
                 s.access_name);
  if (s.base_url.starts_with("http://"))
    spdlog::warn("access '{}': base_url is plain http, not encrypted", s.access_name);
  return s;
}

const SystemClock k_system_clock;

std::string path_only(std::string_view path) {
  return std::string(path.substr(0, path.find('?')));
}

std::string describe(const HttpClientSettings& s, const Request& r) {
  std::string what = s.access_name.empty() ? "" : s.access_name + ": ";
  return what + std::string(to_string(r.method)) + " " + path_only(r.path);
}

// Removes the values of credential headers of `request` from `text`, whether registered or not.
void scrub_request_secrets(std::string& text, const Request& request) {
  for (const auto& [name, value] : request.headers.fields()) {
    if (!iequals(name, "Authorization") && !iequals(name, "Proxy-Authorization") &&
        !iequals(name, "Cookie"))
      continue;
    std::string_view secret(value);
    if (const std::size_t space = secret.find(' '); space != std::string_view::npos)
      secret.remove_prefix(space + 1);  // "Bearer <token>" → "<token>"
    if (secret.size() < 4) continue;
    for (std::size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at))
      text.replace(at, secret.size(), "***");
  }
}

std::optional<Failure> check_headers(const Request& request, const std::string& what) {
  for (const auto& [name, value] : request.headers.fields()) {
    if (name.find_first_of("\r\n:") != std::string::npos ||
        value.find_first_of("\r\n") != std::string::npos)
      return protocol_failure(what, "header '" + name + "' contains a line break or colon");
  }
  return std::nullopt;
}

// Holds one in-flight slot for its lifetime.
class SlotGuard {
 public:
  explicit SlotGuard(std::counting_semaphore<>& s) : m_semaphore(s) { m_semaphore.acquire(); }
  ~SlotGuard() { m_semaphore.release(); }
  SlotGuard(const SlotGuard&) = delete;
  SlotGuard& operator=(const SlotGuard&) = delete;

 private:
  std::counting_semaphore<>& m_semaphore;
};

}  // namespace

HttpClient::HttpClient(HttpClientSettings settings, HttpClientEnv env)
    : m_settings(validated(settings)),
      m_clock(env.clock != nullptr ? env.clock : &k_system_clock),
      m_observer(std::move(env.observer)),
      m_in_flight(m_settings.limits.max_in_flight),
      m_rate(m_settings.limits.requests_per_second,
             env.monotonic != nullptr ? *env.monotonic : SystemMonotonicClock::instance()),
      m_session(
          std::make_unique<detail::CurlSession>(m_settings, m_settings.limits.max_in_flight)) {}

HttpClient::~HttpClient() = default;

HttpResult HttpClient::send(const Request& request) {
  const std::string what = describe(m_settings, request);
  ExchangeRecord record;
  HttpResult result = exchange(request, what, record);
  if (!result) scrub_request_secrets(result.error().message, request);
  report(request, result, record);
  return result;
}

HttpResult HttpClient::exchange(const Request& request, const std::string& what,
                                ExchangeRecord& record) {
  if (auto bad = check_headers(request, what)) return std::unexpected(HttpFailure{*bad, {}});
  SlotGuard slot(m_in_flight);
  m_rate.acquire();
  detail::Transfer transfer =
      m_session->perform(request, join_url(m_settings.base_url, request.path, request.query),
                         [this] { m_rate.acquire(); });
  Response response = std::move(transfer.response);
  record.status = response.status;
  record.duration = response.duration;
  record.response_bytes = response.body.size();
  response.request_id = std::string(response.headers.get("X-Request-Id").value_or(""));
  record.request_id = response.request_id;
  if (transfer.code != CURLE_OK)
    return std::unexpected(
        detail::transport_failure(what, transfer, m_settings.limits.max_response_bytes));
  if (status_class(response.status))
    return std::unexpected(status_failure(what, std::move(response), m_clock->now()));
  return response;
}

void HttpClient::report(const Request& request, const HttpResult& result,
                        ExchangeRecord& record) const {
  if (!m_observer) return;
  record.access = m_settings.access_name;
  record.method = std::string(to_string(request.method));
  record.path = path_only(request.path);
  record.request_bytes = request.body.size();
  if (!result) {
    record.failure_class = result.error().failure_class;
    record.message = result.error().message;
  }
  m_observer(record);
}

}  // namespace kaution::httpclient
