#pragma once
// Crash harness: HTTP calls with libcurl — to the sandbox's control endpoints (HTTPS with the
// sandbox's CA, the dkb port with its client certificate) and to the daemon's API over its Unix
// socket.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace kaution::crash {

struct Answer {
  long status = 0;  // 0: no HTTP answer (refused, reset, timeout)
  std::string body;
  nlohmann::json json() const;  // discarded when the body is not JSON
};

struct Target {
  std::string base_url;               // "https://127.0.0.1:8441" or "http://localhost"
  std::filesystem::path ca;           // empty: plain HTTP
  std::filesystem::path client_cert;  // dkb
  std::filesystem::path client_key;
  std::filesystem::path unix_socket;  // the daemon's API
  std::string bearer;
};

Answer call(const Target& target, const std::string& method, const std::string& path,
            const std::string& body = {},
            std::chrono::milliseconds timeout = std::chrono::seconds{60});

}  // namespace kaution::crash
