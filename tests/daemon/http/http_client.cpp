#include "tests/daemon/http/http_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>

namespace kaution::test {
namespace {

struct Upload {
  const std::string* body = nullptr;
  std::size_t offset = 0;
};

std::size_t write_body(char* data, std::size_t size, std::size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

std::size_t write_header(char* data, std::size_t size, std::size_t count, void* user) {
  const std::string line(data, size * count);
  const std::size_t colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::string value = line.substr(colon + 1);
    const std::size_t first = value.find_first_not_of(" \t");
    const std::size_t last = value.find_last_not_of(" \t\r\n");
    value = first == std::string::npos ? "" : value.substr(first, last - first + 1);
    (*static_cast<std::map<std::string, std::string>*>(user))[name] = value;
  }
  return size * count;
}

// Hands the body out in 64 KiB pieces, so that a chunked upload has many chunks.
std::size_t read_body(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto& upload = *static_cast<Upload*>(user);
  const std::size_t n =
      std::min({size * count, upload.body->size() - upload.offset, std::size_t{64 * 1024}});
  std::memcpy(buffer, upload.body->data() + upload.offset, n);
  upload.offset += n;
  return n;
}

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct ListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

}  // namespace

std::string HttpReply::header(const std::string& lower_case_name) const {
  const auto it = headers.find(lower_case_name);
  return it == headers.end() ? std::string() : it->second;
}

HttpClient HttpClient::over_unix_socket(std::filesystem::path socket) {
  HttpClient client;
  client.m_socket = std::move(socket);
  return client;
}

HttpClient HttpClient::over_tcp(std::string base, std::optional<std::filesystem::path> ca_file) {
  HttpClient client;
  client.m_base = std::move(base);
  client.m_ca_file = std::move(ca_file);
  return client;
}

HttpReply HttpClient::get(const std::string& target, std::optional<std::string> token) const {
  HttpCall call;
  call.target = target;
  call.token = std::move(token);
  return send(call);
}

HttpReply HttpClient::send(const HttpCall& call, std::chrono::milliseconds timeout) const {
  HttpReply reply;
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  std::unique_ptr<curl_slist, ListDeleter> headers;
  const auto add_header = [&headers](const std::string& line) {
    headers.reset(curl_slist_append(headers.release(), line.c_str()));
  };
  for (const std::string& line : call.headers)
    add_header(line);
  if (call.token) add_header("Authorization: Bearer " + *call.token);
  const std::string url = m_base + call.target;
  CURL* h = curl.get();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  if (!m_socket.empty()) curl_easy_setopt(h, CURLOPT_UNIX_SOCKET_PATH, m_socket.c_str());
  if (m_ca_file) curl_easy_setopt(h, CURLOPT_CAINFO, m_ca_file->c_str());
  curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, call.method.c_str());
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  Upload upload{call.body ? &*call.body : nullptr, 0};
  if (call.body && call.chunked) {
    add_header("Transfer-Encoding: chunked");
    curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(h, CURLOPT_READFUNCTION, &read_body);
    curl_easy_setopt(h, CURLOPT_READDATA, &upload);
  } else if (call.body) {
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, call.body->data());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(call.body->size()));
  }
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &write_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &reply.body);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &write_header);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &reply.headers);
  const CURLcode code = curl_easy_perform(h);
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply.status);
  if (code != CURLE_OK) reply.error = curl_easy_strerror(code);
  return reply;
}

}  // namespace kaution::test
