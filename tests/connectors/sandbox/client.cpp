#include "tests/connectors/sandbox/client.hpp"

#include <memory>

namespace kaution::test {
namespace {

std::size_t collect_body(char* data, std::size_t size, std::size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

std::size_t collect_header(char* data, std::size_t size, std::size_t n, void* out) {
  const std::string line(data, size * n);
  const auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    for (char& c : name)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n'))
      value.pop_back();
    (*static_cast<std::map<std::string, std::string>*>(out))[name] = value;
  }
  return size * n;
}

}  // namespace

std::string Reply::header(const std::string& name) const {
  const auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

Reply BankClient::send(const Call& call, std::chrono::milliseconds timeout) const {
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), &curl_easy_cleanup);
  Reply reply;
  const std::string url = "https://localhost:" + std::to_string(m_port) + call.target;
  curl_slist* headers = nullptr;
  for (const std::string& header : call.headers)
    headers = curl_slist_append(headers, header.c_str());
  if (call.bearer) {
    headers = curl_slist_append(headers, ("Authorization: Bearer " + *call.bearer).c_str());
  }
  char error[CURL_ERROR_SIZE] = {};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, call.method.c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(c, CURLOPT_CAINFO, m_tls.ca.c_str());
  if (m_tls.client_cert) curl_easy_setopt(c, CURLOPT_SSLCERT, m_tls.client_cert->c_str());
  if (m_tls.client_key) curl_easy_setopt(c, CURLOPT_SSLKEY, m_tls.client_key->c_str());
  if (call.basic) {
    curl_easy_setopt(c, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(c, CURLOPT_USERPWD, call.basic->c_str());
  }
  if (call.body) {
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, call.body->c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(call.body->size()));
  }
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &collect_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &reply.body);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, &collect_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &reply.headers);
  reply.code = curl_easy_perform(c);
  curl_slist_free_all(headers);
  if (reply.code == CURLE_OK) {
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply.status);
  } else {
    reply.error = error[0] != '\0' ? error : curl_easy_strerror(reply.code);
  }
  return reply;
}

Reply BankClient::get(const std::string& target, std::optional<std::string> bearer) const {
  Call call;
  call.target = target;
  call.bearer = std::move(bearer);
  return send(call);
}

}  // namespace kaution::test
