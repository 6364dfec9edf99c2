#pragma once
// The body of POST /api/v1/deposits:batch: a JSON array of deposits, or NDJSON (one deposit per
// line) when the Content-Type says so. NDJSON lines are only cut here and parsed by read_entry,
// so that the parsing can run in parallel; a malformed line is that entry's error only.

#include <cstddef>
#include <expected>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <vector>

#include "core/failure.hpp"
#include "daemon/http/message.hpp"

namespace kaution::api {

inline constexpr std::size_t k_max_batch_deposits = 10000;

// One entry of the batch: an element of the array, or a line of NDJSON still to be parsed.
struct BatchEntry {
  std::optional<nlohmann::json> value;  // array element
  std::string_view line;                // NDJSON: the text (points into the request body)
  std::size_t line_number = 0;          // NDJSON: from 1
};

// Content-Type application/x-ndjson, application/ndjson or application/jsonl: NDJSON; anything
// else: a JSON array. 400 for a body that is not an array, 413 for more than
// k_max_batch_deposits entries.
std::expected<std::vector<BatchEntry>, http::Response> split_batch(const http::Request& request);

// The entry's JSON value (moved out), or why its line is not JSON ("line N").
std::expected<nlohmann::json, FieldError> read_entry(BatchEntry& entry);

bool is_ndjson(std::string_view content_type);
// application/json or application/<anything>+json, parameters ignored.
bool is_json(std::string_view content_type);
// 415 when the request's Content-Type is given and is not JSON (nor NDJSON when `ndjson_too`);
// a body without Content-Type is taken as JSON.
std::optional<http::Response> unsupported_media_type(const http::Request& request,
                                                     bool ndjson_too = false);

}  // namespace kaution::api
