#pragma once
// CurlSession (internal to the HTTP client): libcurl easy handles, one per in-flight slot, each
// keeping its connections alive between requests, and a share of DNS cache and TLS sessions.
// perform() is thread-safe as long as at most `slots` calls run at once (the client's
// semaphore sees to that).

#include <curl/curl.h>

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "connectors/http/message.hpp"
#include "connectors/http/settings.hpp"

namespace kaution::httpclient::detail {

struct Transfer {
  CURLcode code = CURLE_OK;
  std::string error;       // curl's error buffer, or its strerror
  bool too_large = false;  // aborted at Limits::max_response_bytes
  Response response;       // status 0 when no response arrived
};

class CurlSession {
 public:
  CurlSession(const HttpClientSettings& settings, int slots);
  ~CurlSession();
  CurlSession(const CurlSession&) = delete;
  CurlSession& operator=(const CurlSession&) = delete;

  // `pace` is called before each further send of the request within this transfer: libcurl
  // sends it again by itself when a reused connection turns out dead before any answer, and
  // that send must pass the rate limit like any other (the caller paces the first).
  Transfer perform(const Request& request, const std::string& url,
                   const std::function<void()>& pace = {});

 private:
  struct Share;
  CURL* take();
  void give(CURL* easy);
  void configure(CURL* easy) const;

  const HttpClientSettings& m_settings;
  std::unique_ptr<Share> m_share;
  std::mutex m_mutex;
  std::vector<CURL*> m_idle;  // handles not in use
  std::vector<CURL*> m_all;
};

}  // namespace kaution::httpclient::detail
