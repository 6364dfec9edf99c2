#include "connectors/aak/bank_errors.hpp"

#include <nlohmann/json.hpp>

#include "connectors/http/classify.hpp"

namespace kaution::connectors {
namespace {

std::string string_of(const nlohmann::json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? httpclient::scrub(it->get<std::string>()) : "";
}

// aak: errors[]; dkb: violations[].
void add_listed(const nlohmann::json& json, std::vector<FieldError>& out) {
  for (const char* list : {"errors", "violations"}) {
    const auto it = json.find(list);
    if (it == json.end() || !it->is_array()) continue;
    for (const nlohmann::json& item : *it) {
      if (!item.is_object()) continue;
      FieldError error{string_of(item, "field"), string_of(item, "code"),
                       string_of(item, "message")};
      if (error.field.empty()) error.field = string_of(item, "path");
      if (error.code.empty()) error.code = string_of(item, "reason");
      if (error.message.empty()) error.message = error.code;
      out.push_back(std::move(error));
    }
  }
}

std::string describe(const FieldError& e) {
  std::string out = e.field.empty() ? e.code : e.field + " " + e.code;
  if (!e.message.empty() && e.message != e.code) out += " (" + e.message + ")";
  return out;
}

}  // namespace

std::vector<FieldError> bank_field_errors(std::string_view body) {
  const nlohmann::json json = nlohmann::json::parse(body, nullptr, false);
  std::vector<FieldError> out;
  if (json.is_discarded() || !json.is_object()) return out;
  add_listed(json, out);
  if (!out.empty()) return out;
  for (const char* key : {"code", "error"}) {
    if (std::string code = string_of(json, key); !code.empty()) {
      std::string message = string_of(json, "message");
      out.push_back(FieldError{"", code, message.empty() ? code : std::move(message)});
      break;
    }
  }
  return out;
}

void add_field_errors(httpclient::HttpFailure& failure) {
  if (failure.response) failure.fields = bank_field_errors(failure.response->body);
  std::string listed;
  for (const FieldError& error : failure.fields)
    listed += (listed.empty() ? ": " : "; ") + describe(error);
  failure.message += listed;
}

Failure local_rejection(std::string message, std::vector<FieldError> fields) {
  return Failure{FailureClass::rejected, httpclient::scrub(message), std::move(fields),
                 std::nullopt};
}

void ensure_code(httpclient::HttpFailure& failure, std::string_view code, std::string_view field) {
  if (!failure.response || has_code(failure, code)) return;
  if (failure.response->body.find(code) == std::string::npos) return;
  FieldError error{std::string(field), std::string(code), std::string(code)};
  failure.message += (failure.fields.empty() ? ": " : "; ") + describe(error);
  failure.fields.push_back(std::move(error));
}

bool has_code(const Failure& failure, std::string_view code) {
  for (const FieldError& error : failure.fields)
    if (error.code == code) return true;
  return false;
}

}  // namespace kaution::connectors
