#pragma once
// The API's answers for refused requests (problem+json, ledger-api.md) and the reading of query
// parameters and small JSON bodies with every error at once.

#include <cstdint>
#include <expected>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/failure.hpp"
#include "core/money.hpp"
#include "daemon/http/message.hpp"

namespace kaution::api {

// The JSON Pointer (RFC 6901) of a body field named as in ledger-api.md:
// "parties[0].last_name" → "/parties/0/last_name"; "" for the whole body (field ""); nullopt
// for a name that is not a path ("line 3" of an NDJSON batch).
std::optional<std::string> json_pointer_of(std::string_view field);

// Body field errors with their pointers.
std::vector<http::FieldError> to_http(const std::vector<FieldError>& errors);
// [{"field", "pointer"?, "code", "message"}]
nlohmann::json field_errors_json(const std::vector<FieldError>& errors);

http::Response not_found(std::string detail);
// 409; `extensions` become members of the problem (e.g. "balance").
http::Response conflict(std::string detail,
                        nlohmann::ordered_json extensions = nlohmann::ordered_json::object());
// 400 "Bad Request" with every error.
http::Response bad_request(std::string detail, std::vector<http::FieldError> errors = {});
// Field errors of a body: 400 when any is an unknown field (typos are not lost silently),
// else 422 "Unprocessable Content". `warnings` are added as a member when not empty.
http::Response invalid_body(std::string detail, const std::vector<FieldError>& errors,
                            const std::vector<FieldError>& warnings = {});
bool has_unknown_field(const std::vector<FieldError>& errors);

// Query parameters of one request: unknown names and malformed values are collected, and
// problem() answers 400 with all of them.
class QueryReader {
 public:
  QueryReader(const http::Request& request, std::initializer_list<std::string_view> allowed);

  std::optional<std::string> text(std::string_view name) const;
  // "true"/"1" or "false"/"0".
  std::optional<bool> flag(std::string_view name);
  std::optional<Date> date(std::string_view name);
  // `fallback` when absent; an error outside [min, max].
  std::int64_t integer(std::string_view name, std::int64_t fallback, std::int64_t min,
                       std::int64_t max);
  void error(std::string_view name, std::string message);

  std::optional<http::Response> problem() const;

 private:
  const http::Request& m_request;
  std::vector<http::FieldError> m_errors;
};

// Reads members of a JSON object body, collecting errors with the member's name.
class BodyReader {
 public:
  explicit BodyReader(const nlohmann::json& object) : m_object(object) {}
  // A non-empty string; nullopt (and an error if required) when absent or null.
  std::optional<std::string> text(std::string_view key, bool required);
  // An amount "1340.00" (dot, two decimals, optional '-').
  std::optional<Money> money(std::string_view key, bool required);
  std::optional<Date> date(std::string_view key, bool required);
  void error(std::string_view key, std::string_view code, std::string message);
  const std::vector<FieldError>& errors() const { return m_errors; }

 private:
  const nlohmann::json* member(std::string_view key, bool required);
  const nlohmann::json& m_object;
  std::vector<FieldError> m_errors;
};

// Parses a JSON object body and rejects members not in `allowed` (400, every one named).
std::expected<nlohmann::json, http::Response> read_object_body(
    const http::Request& request, std::initializer_list<std::string_view> allowed);

}  // namespace kaution::api
