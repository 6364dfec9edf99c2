#pragma once
// Test support: real HTTP requests with libcurl, over a Unix socket or TCP (optionally TLS).

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kaution::test {

struct HttpCall {
  std::string method = "GET";
  std::string target;                // "/api/v1/...?..."
  std::optional<std::string> token;  // sent as "Authorization: Bearer <token>"
  std::vector<std::string> headers;  // "Name: value"
  std::optional<std::string> body;
  bool chunked = false;  // send the body with Transfer-Encoding: chunked
};

struct HttpReply {
  long status = 0;                             // 0: no HTTP answer (see error)
  std::map<std::string, std::string> headers;  // names lower-case
  std::string body;
  std::string error;  // libcurl's message when the transfer failed
  std::string header(const std::string& lower_case_name) const;
};

class HttpClient {
 public:
  static HttpClient over_unix_socket(std::filesystem::path socket);
  // `base` like "http://127.0.0.1:8470"; `ca_file` for https.
  static HttpClient over_tcp(std::string base, std::optional<std::filesystem::path> ca_file = {});

  // Every call is bounded by `timeout`.
  HttpReply send(const HttpCall& call,
                 std::chrono::milliseconds timeout = std::chrono::seconds{20}) const;
  HttpReply get(const std::string& target, std::optional<std::string> token = {}) const;

 private:
  std::filesystem::path m_socket;
  std::string m_base = "http://localhost";
  std::optional<std::filesystem::path> m_ca_file;
};

}  // namespace kaution::test
