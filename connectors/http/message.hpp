#pragma once
// Requests, responses and exchange records of the HTTP client.

#include <chrono>
#include <cstddef>
#include <expected>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "connectors/http/headers.hpp"
#include "core/failure.hpp"

namespace kaution::httpclient {

enum class Method { get, head, post, put, patch, delete_ };

std::string_view to_string(Method m);

struct Request {
  Method method = Method::get;
  std::string path;  // joined to the access's base URL; segments already URL-encoded
  std::vector<std::pair<std::string, std::string>> query;  // encoded by the client
  Headers headers;
  std::string body;
  std::string content_type;  // sent as Content-Type when the body is not empty
};

struct Response {
  int status = 0;
  Headers headers;   // of the final response only
  std::string body;  // decoded (gzip/deflate undone)
  std::chrono::milliseconds duration{0};
  std::string request_id;  // the bank's X-Request-Id, empty when absent
};

// What the client tells its observer about every exchange, failed or not. Never headers,
// bodies or query strings: those may hold secrets or personal data.
struct ExchangeRecord {
  std::string access;  // HttpClientSettings::access_name
  std::string method;
  std::string path;  // without the query
  int status = 0;    // 0 when no HTTP response arrived
  std::chrono::milliseconds duration{0};
  std::size_t request_bytes = 0;   // body sent
  std::size_t response_bytes = 0;  // body received, after decoding
  std::string request_id;
  std::optional<FailureClass> failure_class;  // nullopt for a success
  std::string message;  // the failure's message (scrubbed); empty for a success
};

// A failed exchange: core's Failure (class, operator message, Retry-After) and, when the bank
// answered, its response, so that a connector can read field errors or a SOAP fault from the
// body. Slices to Failure where only the class and message matter.
struct HttpFailure : Failure {
  std::optional<Response> response;
  int status() const { return response ? response->status : 0; }
};

using HttpResult = std::expected<Response, HttpFailure>;

}  // namespace kaution::httpclient
