#include "tests/crash/calls.hpp"

#include <curl/curl.h>

#include <memory>

namespace kaution::crash {
namespace {

std::size_t append(char* data, std::size_t size, std::size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

}  // namespace

nlohmann::json Answer::json() const {
  return nlohmann::json::parse(body, nullptr, false);
}

Answer call(const Target& target, const std::string& method, const std::string& path,
            const std::string& body, std::chrono::milliseconds timeout) {
  const std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(),
                                                                 &curl_easy_cleanup);
  Answer answer;
  if (!curl) return answer;
  CURL* c = curl.get();
  const std::string url = target.base_url + path;
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method.c_str());
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &append);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &answer.body);
  if (!target.ca.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, target.ca.c_str());
  if (!target.client_cert.empty()) {
    curl_easy_setopt(c, CURLOPT_SSLCERT, target.client_cert.c_str());
    curl_easy_setopt(c, CURLOPT_SSLKEY, target.client_key.c_str());
  }
  if (!target.unix_socket.empty())
    curl_easy_setopt(c, CURLOPT_UNIX_SOCKET_PATH, target.unix_socket.c_str());
  curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
  const std::string authorization = "Authorization: Bearer " + target.bearer;
  if (!target.bearer.empty()) headers = curl_slist_append(headers, authorization.c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  if (method != "GET") {
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  }
  if (curl_easy_perform(c) == CURLE_OK)
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &answer.status);
  curl_slist_free_all(headers);
  return answer;
}

}  // namespace kaution::crash
