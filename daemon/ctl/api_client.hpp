#pragma once
// The HTTP side of kautionctl. Commands talk to an ApiClient (a fake in tests); CurlApiClient
// speaks HTTP/1.1 to the daemon over its Unix socket or over TCP with libcurl. The bearer token
// is sent and never printed: not in errors, not in --verbose.

#include <chrono>
#include <expected>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

namespace kaution::ctl {

struct ApiRequest {
  std::string method = "GET";
  std::string target;  // path and query, already encoded: "/api/v1/deposits?status=faulty"
  std::string body;    // empty: no body (and no Content-Type)
  std::string content_type = "application/json";
  std::string accept = "application/json";
};

// A request without designated initializers (which -Wmissing-field-initializers dislikes).
ApiRequest make_request(std::string method, std::string target, std::string body = {});

struct ApiResponse {
  int status = 0;
  std::string content_type;  // without parameters, lower case: "application/problem+json"
  std::string body;
};

// A request that got no answer; `message` names the socket or URL that could not be reached.
struct TransportError {
  std::string message;
};

class ApiClient {
 public:
  virtual ~ApiClient() = default;
  virtual std::expected<ApiResponse, TransportError> send(const ApiRequest& request) = 0;
};

// Where the daemon listens: a Unix socket, or a base URL ("http://127.0.0.1:8470") for TCP.
struct Endpoint {
  std::optional<std::filesystem::path> socket;
  std::string url;
  // "socket /run/kautiond/api.sock" or "http://127.0.0.1:8470".
  std::string describe() const;
};

inline constexpr std::string_view k_default_socket = "/run/kautiond/api.sock";

struct ClientOptions {
  Endpoint endpoint;
  std::optional<std::string> token;  // sent as "Authorization: Bearer …"; never printed
  std::chrono::seconds connect_timeout{10};
  std::chrono::seconds total_timeout{600};
  std::ostream* verbose = nullptr;  // request and status lines, the token as "***"
};

class CurlApiClient final : public ApiClient {
 public:
  explicit CurlApiClient(ClientOptions options);
  ~CurlApiClient() override;
  CurlApiClient(const CurlApiClient&) = delete;
  CurlApiClient& operator=(const CurlApiClient&) = delete;

  std::expected<ApiResponse, TransportError> send(const ApiRequest& request) override;

 private:
  ClientOptions m_options;
  void* m_curl;  // CURL*, kept for keep-alive across requests
};

}  // namespace kaution::ctl
