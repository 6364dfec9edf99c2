#include "daemon/api/problems.hpp"

#include <algorithm>
#include <charconv>

#include "daemon/api/batch_body.hpp"
#include "daemon/http/json_body.hpp"

namespace kaution::api {
namespace {

constexpr std::string_view k_unknown_field = "UNKNOWN_FIELD";

bool is_wire_amount(std::string_view text) {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  const std::size_t dot = text.find('.');
  if (dot == std::string_view::npos || dot == 0 || text.size() - dot != 3) return false;
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return c == '.' || (c >= '0' && c <= '9'); }) &&
         text.find('.', dot + 1) == std::string_view::npos;
}

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-';
}

}  // namespace

std::optional<std::string> json_pointer_of(std::string_view field) {
  std::string out;
  bool token_open = false;  // a member name is being copied
  for (std::size_t i = 0; i < field.size(); ++i) {
    const char c = field[i];
    if (c == '.') {
      // Between two names, or after an index; never first, last or doubled.
      if (out.empty() || i + 1 == field.size() || field[i + 1] == '.' || field[i + 1] == '[')
        return std::nullopt;
      token_open = false;
    } else if (c == '[') {
      const std::size_t close = field.find(']', i);
      if (close == std::string_view::npos || close == i + 1) return std::nullopt;
      const std::string_view index = field.substr(i + 1, close - i - 1);
      if (!std::all_of(index.begin(), index.end(), [](char d) { return d >= '0' && d <= '9'; }))
        return std::nullopt;
      out += '/';
      out += index;
      i = close;
      token_open = false;
    } else if (is_name_char(c)) {
      if (!token_open) out += '/';
      token_open = true;
      out += c;
    } else {
      return std::nullopt;  // not a path ("line 3")
    }
  }
  return out;
}

std::vector<http::FieldError> to_http(const std::vector<FieldError>& errors) {
  std::vector<http::FieldError> out;
  out.reserve(errors.size());
  for (const FieldError& e : errors)
    out.push_back({e.field, e.message, json_pointer_of(e.field).value_or("")});
  return out;
}

nlohmann::json field_errors_json(const std::vector<FieldError>& errors) {
  auto out = nlohmann::json::array();
  for (const FieldError& e : errors) {
    nlohmann::json j{{"field", e.field}, {"code", e.code}, {"message", e.message}};
    if (auto pointer = json_pointer_of(e.field); pointer && !pointer->empty())
      j["pointer"] = std::move(*pointer);
    out.push_back(std::move(j));
  }
  return out;
}

http::Response not_found(std::string detail) {
  return http::problem(404, "Not Found", std::move(detail));
}

http::Response conflict(std::string detail, nlohmann::ordered_json extensions) {
  http::Problem p;
  p.status = 409;
  p.title = "Conflict";
  p.detail = std::move(detail);
  p.extensions = std::move(extensions);
  return http::to_response(p);
}

http::Response bad_request(std::string detail, std::vector<http::FieldError> errors) {
  return http::problem(400, "Bad Request", std::move(detail), std::move(errors));
}

bool has_unknown_field(const std::vector<FieldError>& errors) {
  return std::any_of(errors.begin(), errors.end(),
                     [](const FieldError& e) { return e.code == k_unknown_field; });
}

http::Response invalid_body(std::string detail, const std::vector<FieldError>& errors,
                            const std::vector<FieldError>& warnings) {
  http::Problem p;
  const bool unknown = has_unknown_field(errors);
  p.status = unknown ? 400 : 422;
  p.title = unknown ? "Unknown field" : "Unprocessable Content";
  p.detail = std::move(detail);
  p.errors = to_http(errors);
  if (!warnings.empty()) p.extensions["warnings"] = field_errors_json(warnings);
  return http::to_response(p);
}

// ---- QueryReader

QueryReader::QueryReader(const http::Request& request,
                         std::initializer_list<std::string_view> allowed)
    : m_request(request) {
  for (const auto& [name, value] : request.query)
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
      m_errors.push_back({name, "unknown query parameter"});
}

std::optional<std::string> QueryReader::text(std::string_view name) const {
  const auto value = m_request.query_param(name);
  if (!value || value->empty()) return std::nullopt;
  return std::string(*value);
}

std::optional<bool> QueryReader::flag(std::string_view name) {
  const auto value = text(name);
  if (!value) return std::nullopt;
  if (*value == "true" || *value == "1") return true;
  if (*value == "false" || *value == "0") return false;
  error(name, "expected true or false, got \"" + *value + "\"");
  return std::nullopt;
}

std::optional<Date> QueryReader::date(std::string_view name) {
  const auto value = text(name);
  if (!value) return std::nullopt;
  auto parsed = Date::parse(*value);
  if (!parsed) {
    error(name, parsed.error());
    return std::nullopt;
  }
  return *parsed;
}

std::int64_t QueryReader::integer(std::string_view name, std::int64_t fallback, std::int64_t min,
                                  std::int64_t max) {
  const auto value = text(name);
  if (!value) return fallback;
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), n);
  if (ec != std::errc{} || end != value->data() + value->size() || n < min || n > max) {
    error(name, "expected an integer from " + std::to_string(min) + " to " + std::to_string(max) +
                    ", got \"" + *value + "\"");
    return fallback;
  }
  return n;
}

void QueryReader::error(std::string_view name, std::string message) {
  m_errors.push_back({std::string(name), std::move(message)});
}

std::optional<http::Response> QueryReader::problem() const {
  if (m_errors.empty()) return std::nullopt;
  return bad_request("invalid query parameters", m_errors);
}

// ---- BodyReader

const nlohmann::json* BodyReader::member(std::string_view key, bool required) {
  const auto it = m_object.find(key);
  if (it == m_object.end() || it->is_null()) {
    if (required) error(key, "REQUIRED", "is required");
    return nullptr;
  }
  if (!it->is_string()) {
    error(key, "TYPE", std::string("expected a string, got ") + it->type_name());
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> BodyReader::text(std::string_view key, bool required) {
  const nlohmann::json* value = member(key, required);
  if (!value) return std::nullopt;
  std::string s = value->get<std::string>();
  if (s.empty()) {
    if (required) error(key, "REQUIRED", "must not be empty");
    return std::nullopt;
  }
  return s;
}

std::optional<Money> BodyReader::money(std::string_view key, bool required) {
  const auto value = text(key, required);
  if (!value) return std::nullopt;
  if (!is_wire_amount(*value)) {
    error(key, "INVALID_AMOUNT", "use the form \"1340.00\": a dot and two decimals");
    return std::nullopt;
  }
  auto parsed = Money::parse(*value);
  if (!parsed) error(key, "INVALID_AMOUNT", parsed.error());
  return parsed ? std::optional<Money>(*parsed) : std::nullopt;
}

std::optional<Date> BodyReader::date(std::string_view key, bool required) {
  const auto value = text(key, required);
  if (!value) return std::nullopt;
  auto parsed = Date::parse(*value);
  if (!parsed) error(key, "INVALID_DATE", parsed.error());
  return parsed ? std::optional<Date>(*parsed) : std::nullopt;
}

void BodyReader::error(std::string_view key, std::string_view code, std::string message) {
  m_errors.push_back({std::string(key), std::string(code), std::move(message)});
}

std::expected<nlohmann::json, http::Response> read_object_body(
    const http::Request& request, std::initializer_list<std::string_view> allowed) {
  if (auto refused = unsupported_media_type(request)) return std::unexpected(*refused);
  auto body = http::parse_json_object(request.body);
  if (!body) return body;
  auto unknown = http::unknown_fields(*body, allowed);
  if (!unknown.empty())
    return std::unexpected(
        http::problem(400, "Unknown field", "the request body has unknown fields", unknown));
  return body;
}

}  // namespace kaution::api
