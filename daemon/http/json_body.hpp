#pragma once
// Request bodies as JSON: parse errors become 400 problems that name where the error is.

#include <expected>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string_view>
#include <vector>

#include "daemon/http/message.hpp"

namespace kaution::http {

// The body parsed as JSON, or a 400 problem whose detail names the line, column and byte (all
// from 1; columns count bytes) of the error, also given as the members "line", "column", "byte".
std::expected<nlohmann::json, Response> parse_json(std::string_view body);
// As parse_json, and a 400 problem unless the document is an object.
std::expected<nlohmann::json, Response> parse_json_object(std::string_view body);

// One FieldError "unknown field" per member of `object` not in `allowed`; fields are named
// "<prefix>.<key>" (just "<key>" for an empty prefix), so that typos are not lost silently.
std::vector<FieldError> unknown_fields(const nlohmann::json& object,
                                       std::initializer_list<std::string_view> allowed,
                                       std::string_view prefix = {});

}  // namespace kaution::http
