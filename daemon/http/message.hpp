#pragma once
// Request and Response as handlers see them, and the problem+json (RFC 9457) error answers.

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "daemon/http/role.hpp"

namespace kaution::http {

struct Request {
  std::string method;
  std::string path;                                            // percent-decoded, without the query
  std::multimap<std::string, std::string, std::less<>> query;  // decoded; '+' is a space
  // Names lower-case; repeated headers joined with ", ". Authorization is removed once the
  // token is checked: handlers get `principal` instead (ServerOptions::public_authorization
  // keeps it for public routes).
  std::map<std::string, std::string, std::less<>> headers;
  std::map<std::string, std::string, std::less<>> path_params;  // from `{name}` segments
  std::string body;
  std::string principal;   // name of the authenticated token; empty on `Role::none` routes
  Role role = Role::none;  // role of the authenticated token

  // The first value of a query parameter.
  std::optional<std::string_view> query_param(std::string_view name) const;
  std::optional<std::string_view> header(std::string_view lower_case_name) const;
  // The value of a `{name}` segment of the route; empty when the route has none of that name.
  std::string_view path_param(std::string_view name) const;
};

struct Response {
  // How the answer goes on the wire. Anything but `complete` is for test servers that simulate a
  // broken peer (the sandbox banks' fault injection), never for the daemon's API.
  enum class Delivery {
    complete,
    reset,           // no answer: the connection is closed abortively (SO_LINGER 0)
    truncated,       // Content-Length of the whole body, but only its first half, then the close
    reset_mid_body,  // as truncated, but the close is abortive (a TCP reset after half the body)
  };

  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
  Delivery delivery = Delivery::complete;
};

// One error of a field, named as in ledger-api.md: "parties[0].last_name"; for a field of a JSON
// body also as an RFC 6901 JSON Pointer ("/parties/0/last_name"; empty: none given).
struct FieldError {
  std::string field;
  std::string message;
  std::string pointer = {};
};

// An RFC 9457 problem. `extensions` are extra members of the object (e.g. "line").
struct Problem {
  int status = 500;
  std::string title;
  std::string detail;
  std::vector<FieldError> errors;
  std::string type = "about:blank";
  nlohmann::ordered_json extensions = nlohmann::ordered_json::object();
};

inline constexpr std::string_view k_problem_content_type = "application/problem+json";

// {"type", "title", "status", "detail", "errors": [{"field", "message", "pointer"?}],
// ...extensions}
Response to_response(const Problem& problem);
Response problem(int status, std::string title, std::string detail = {},
                 std::vector<FieldError> errors = {});
Response json_response(int status, const nlohmann::json& body);

}  // namespace kaution::http
