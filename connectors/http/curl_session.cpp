#include "connectors/http/curl_session.hpp"

#include <array>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <string_view>

namespace kaution::httpclient::detail {

namespace {

void global_init() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
      throw std::runtime_error("libcurl could not be initialised");
  });
}

// Where the callbacks of one transfer write.
struct Sink {
  Response* response;
  std::size_t limit;
  bool too_large = false;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto& sink = *static_cast<Sink*>(user);
  const std::size_t n = size * count;
  if (sink.limit != 0 && sink.response->body.size() + n > sink.limit) {
    sink.too_large = true;
    return 0;  // aborts with CURLE_WRITE_ERROR
  }
  sink.response->body.append(data, n);
  return n;
}

// CURLOPT_PREREQFUNCTION: called before every send of the request, libcurl's own repeats
// included.
struct Pacer {
  const std::function<void()>* pace;
  int sends = 0;
};

int on_prereq(void* user, char*, char*, int, int) {
  auto& pacer = *static_cast<Pacer*>(user);
  if (++pacer.sends > 1 && *pacer.pace) (*pacer.pace)();
  return CURL_PREREQFUNC_OK;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto& sink = *static_cast<Sink*>(user);
  const std::size_t n = size * count;
  const std::string_view line(data, n);
  if (line.starts_with("HTTP/")) {
    sink.response->headers.clear();  // a new response (after 100 Continue or the like)
    return n;
  }
  const std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) return n;
  sink.response->headers.add(std::string(trim(line.substr(0, colon))),
                             std::string(trim(line.substr(colon + 1))));
  return n;
}

void set_tls(CURL* easy, const TlsSettings& tls) {
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, tls.verify ? 1L : 0L);
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, tls.verify ? 2L : 0L);
  if (!tls.ca_file.empty()) curl_easy_setopt(easy, CURLOPT_CAINFO, tls.ca_file.c_str());
  if (!tls.client_cert.empty()) curl_easy_setopt(easy, CURLOPT_SSLCERT, tls.client_cert.c_str());
  if (!tls.client_key.empty()) curl_easy_setopt(easy, CURLOPT_SSLKEY, tls.client_key.c_str());
  if (!tls.pinned_public_key.empty())
    curl_easy_setopt(easy, CURLOPT_PINNEDPUBLICKEY, tls.pinned_public_key.c_str());
}

void set_method_and_body(CURL* easy, const Request& request) {
  const bool has_body = !request.body.empty() || request.method == Method::post ||
                        request.method == Method::put || request.method == Method::patch;
  if (request.method == Method::head) {
    curl_easy_setopt(easy, CURLOPT_NOBODY, 1L);
  } else if (has_body) {
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(request.body.size()));
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request.body.data());
  } else {
    curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
  }
  if (request.method != Method::get && request.method != Method::head &&
      request.method != Method::post)
    curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, std::string(to_string(request.method)).c_str());
}

struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;

Slist header_list(const Request& request) {
  curl_slist* list = nullptr;
  const auto append = [&](const std::string& line) {
    list = curl_slist_append(list, line.c_str());
  };
  for (const auto& [name, value] : request.headers.fields())
    append(value.empty() ? name + ";" : name + ": " + value);
  if (!request.headers.contains("Content-Type"))
    append(request.content_type.empty() ? "Content-Type:"
                                        : "Content-Type: " + request.content_type);
  append("Expect:");  // no 100-continue round trip
  return Slist(list);
}

}  // namespace

// DNS cache and TLS sessions shared between the handles, with the locks libcurl asks for.
struct CurlSession::Share {
  CURLSH* handle = curl_share_init();
  std::array<std::mutex, CURL_LOCK_DATA_LAST> locks;

  static void lock(CURL*, curl_lock_data data, curl_lock_access, void* user) {
    static_cast<Share*>(user)->locks.at(static_cast<std::size_t>(data)).lock();
  }
  static void unlock(CURL*, curl_lock_data data, void* user) {
    static_cast<Share*>(user)->locks.at(static_cast<std::size_t>(data)).unlock();
  }

  Share() {
    if (handle == nullptr) throw std::runtime_error("libcurl: no share handle");
    curl_share_setopt(handle, CURLSHOPT_LOCKFUNC, &Share::lock);
    curl_share_setopt(handle, CURLSHOPT_UNLOCKFUNC, &Share::unlock);
    curl_share_setopt(handle, CURLSHOPT_USERDATA, this);
    curl_share_setopt(handle, CURLSHOPT_SHARE, CURL_LOCK_DATA_DNS);
    curl_share_setopt(handle, CURLSHOPT_SHARE, CURL_LOCK_DATA_SSL_SESSION);
  }
  ~Share() { curl_share_cleanup(handle); }
  Share(const Share&) = delete;
  Share& operator=(const Share&) = delete;
};

CurlSession::CurlSession(const HttpClientSettings& settings, int slots) : m_settings(settings) {
  global_init();
  m_share = std::make_unique<Share>();
  for (int i = 0; i < slots; ++i) {
    CURL* easy = curl_easy_init();
    if (easy == nullptr) throw std::runtime_error("libcurl: no easy handle");
    m_all.push_back(easy);
  }
  m_idle = m_all;
}

CurlSession::~CurlSession() {
  for (CURL* easy : m_all)
    curl_easy_cleanup(easy);
}

CURL* CurlSession::take() {
  std::lock_guard lock(m_mutex);
  if (m_idle.empty()) throw std::logic_error("CurlSession: more transfers than slots");
  CURL* easy = m_idle.back();
  m_idle.pop_back();
  return easy;
}

void CurlSession::give(CURL* easy) {
  std::lock_guard lock(m_mutex);
  m_idle.push_back(easy);
}

void CurlSession::configure(CURL* easy) const {
  const Timeouts& t = m_settings.timeouts;
  curl_easy_setopt(easy, CURLOPT_SHARE, m_share->handle);
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl decodes
  curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(easy, CURLOPT_USERAGENT, m_settings.user_agent.c_str());
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, t.connect_ms);
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, t.total_ms);
  curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, t.low_speed_limit_bytes);
  curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, t.low_speed_time_s);
  set_tls(easy, m_settings.tls);
}

Transfer CurlSession::perform(const Request& request, const std::string& url,
                              const std::function<void()>& pace) {
  CURL* easy = take();
  Transfer transfer;
  Pacer pacer{&pace};
  Sink sink{&transfer.response, m_settings.limits.max_response_bytes};
  std::array<char, CURL_ERROR_SIZE> error{};
  const Slist headers = header_list(request);

  curl_easy_reset(easy);  // keeps live connections, caches and TLS sessions
  configure(easy);
  curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, error.data());
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &on_body);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &on_header);
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, &sink);
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(easy, CURLOPT_PREREQFUNCTION, &on_prereq);
  curl_easy_setopt(easy, CURLOPT_PREREQDATA, &pacer);
  set_method_and_body(easy, request);

  transfer.code = curl_easy_perform(easy);
  long status = 0;
  curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
  curl_off_t micros = 0;
  curl_easy_getinfo(easy, CURLINFO_TOTAL_TIME_T, &micros);
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, nullptr);
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, nullptr);
  give(easy);

  transfer.response.status = static_cast<int>(status);
  transfer.response.duration =
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::microseconds{micros});
  transfer.too_large = sink.too_large;
  if (transfer.code != CURLE_OK)
    transfer.error =
        error[0] != '\0' ? std::string(error.data()) : curl_easy_strerror(transfer.code);
  return transfer;
}

}  // namespace kaution::httpclient::detail
