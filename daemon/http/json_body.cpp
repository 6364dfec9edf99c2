#include "daemon/http/json_body.hpp"

#include <algorithm>
#include <string>

namespace kaution::http {
namespace {

struct TextPosition {
  std::size_t line = 1;
  std::size_t column = 1;
  std::size_t byte = 1;
};

// Where nlohmann stopped: `byte` counts the bytes it read (the end of input counts as one). When
// the last one is the newline that ended a bad token, the token's last byte is meant instead.
TextPosition position_of(std::string_view text, std::size_t byte) {
  std::size_t index = byte == 0 ? 0 : byte - 1;  // 0-based; text.size() for the end of input
  if (index > 0 && index < text.size() && text[index] == '\n') --index;
  const std::string_view before = text.substr(0, std::min(index, text.size()));
  const std::size_t last_newline = before.rfind('\n');
  TextPosition pos;
  pos.line += static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n'));
  pos.column = last_newline == std::string_view::npos ? index + 1 : index - last_newline;
  pos.byte = index + 1;
  return pos;
}

// "syntax error while parsing value - ..." from nlohmann's
// "[json.exception.parse_error.101] parse error at line 1, column 5: syntax error ...".
std::string reason_of(const nlohmann::json::parse_error& error) {
  const std::string_view what = error.what();
  const std::size_t at = what.find("parse error");
  const std::size_t colon = what.find(": ", at == std::string_view::npos ? 0 : at);
  if (colon == std::string_view::npos) return std::string(what);
  return std::string(what.substr(colon + 2));
}

Response malformed(std::string_view body, const nlohmann::json::parse_error& error) {
  const TextPosition pos = position_of(body, error.byte);
  Problem p;
  p.status = 400;
  p.title = "Malformed JSON";
  p.detail = "malformed JSON at line " + std::to_string(pos.line) + ", column " +
             std::to_string(pos.column) + " (byte " + std::to_string(pos.byte) +
             "): " + reason_of(error);
  p.extensions = {{"line", pos.line}, {"column", pos.column}, {"byte", pos.byte}};
  return to_response(p);
}

}  // namespace

std::expected<nlohmann::json, Response> parse_json(std::string_view body) {
  try {
    return nlohmann::json::parse(body);
  } catch (const nlohmann::json::parse_error& error) {
    return std::unexpected(malformed(body, error));
  } catch (const nlohmann::json::out_of_range& error) {
    // A number beyond double ("1E400"): well-formed JSON that nlohmann cannot hold.
    return std::unexpected(
        problem(400, "Malformed JSON", std::string("a number is out of range: ") + error.what()));
  }
}

std::expected<nlohmann::json, Response> parse_json_object(std::string_view body) {
  auto parsed = parse_json(body);
  if (parsed && !parsed->is_object()) {
    return std::unexpected(
        problem(400, "Bad Request",
                std::string("the request body must be a JSON object, not ") + parsed->type_name()));
  }
  return parsed;
}

std::vector<FieldError> unknown_fields(const nlohmann::json& object,
                                       std::initializer_list<std::string_view> allowed,
                                       std::string_view prefix) {
  std::vector<FieldError> errors;
  if (!object.is_object()) return errors;
  for (const auto& [key, value] : object.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string field = prefix.empty() ? key : std::string(prefix) + "." + key;
    errors.push_back({std::move(field), "unknown field"});
  }
  return errors;
}

}  // namespace kaution::http
