#pragma once
// Test support: HTTPS calls to the sandbox banks with libcurl — CA, optional client certificate,
// Basic auth, raw results (curl's error code when the transfer broke).

#include <curl/curl.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kaution::test {

struct Call {
  std::string method = "GET";
  std::string target;  // "/v1/balances?page=1"
  std::vector<std::string> headers;
  std::optional<std::string> body;
  std::optional<std::string> basic;  // "user:password"
  std::optional<std::string> bearer;
};

struct Reply {
  long status = 0;  // 0: no HTTP answer
  CURLcode code = CURLE_OK;
  std::string error;
  std::map<std::string, std::string> headers;  // names lower-case
  std::string body;
  std::string header(const std::string& name) const;
};

struct TlsFiles {
  std::filesystem::path ca;
  std::optional<std::filesystem::path> client_cert;
  std::optional<std::filesystem::path> client_key;
};

class BankClient {
 public:
  BankClient(std::uint16_t port, TlsFiles tls) : m_port(port), m_tls(std::move(tls)) {}
  Reply send(const Call& call, std::chrono::milliseconds timeout = std::chrono::seconds{10}) const;
  Reply get(const std::string& target, std::optional<std::string> bearer = {}) const;

 private:
  std::uint16_t m_port;
  TlsFiles m_tls;
};

}  // namespace kaution::test
