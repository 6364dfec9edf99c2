#include "daemon/api/batch_body.hpp"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <future>
#include <string>
#include <thread>

#include "daemon/http/json_body.hpp"

namespace kaution::api {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool blank(std::string_view line) {
  return std::all_of(line.begin(), line.end(),
                     [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

http::Response too_many(std::size_t n) {
  return http::problem(413, "Too many deposits",
                       "a batch holds at most " + std::to_string(k_max_batch_deposits) +
                           " deposits; this one has " + std::to_string(n) + " (split it)");
}

std::expected<std::vector<BatchEntry>, http::Response> split_ndjson(std::string_view body) {
  std::vector<BatchEntry> entries;
  std::size_t number = 0;
  while (!body.empty()) {
    const std::size_t end = body.find('\n');
    const std::string_view line = body.substr(0, end);
    body.remove_prefix(end == std::string_view::npos ? body.size() : end + 1);
    ++number;
    if (blank(line)) continue;
    if (entries.size() == k_max_batch_deposits)
      return std::unexpected(too_many(entries.size() + 1));
    entries.push_back(BatchEntry{std::nullopt, line, number});
  }
  return entries;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// The text of each element of a JSON array `body`, found by bracket depth and string quoting
// alone (no value is checked); nullopt when the body is not shaped like an array, so that the
// full parse names the error.
std::optional<std::vector<std::string_view>> array_elements(std::string_view body) {
  std::size_t at = 0;
  const auto skip_space = [&] {
    while (at < body.size() && is_space(body[at]))
      ++at;
  };
  skip_space();
  if (at == body.size() || body[at] != '[') return std::nullopt;
  ++at;
  std::vector<std::string_view> elements;
  skip_space();
  if (at < body.size() && body[at] == ']') {
    ++at;
    skip_space();
    return at == body.size() ? std::optional(elements) : std::nullopt;
  }
  std::size_t start = at, depth = 0;
  bool in_string = false;
  for (; at < body.size(); ++at) {
    const char c = body[at];
    if (in_string) {
      if (c == '\\')
        ++at;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    } else if (depth == 0 && (c == ',' || c == ']')) {
      elements.push_back(body.substr(start, at - start));
      start = at + 1;
      if (c == ']') break;
    }
  }
  if (at >= body.size()) return std::nullopt;  // unterminated
  ++at;
  skip_space();
  if (at != body.size()) return std::nullopt;
  return elements;
}

// Parses the elements on up to four threads; nullopt when one is not JSON (the caller's full
// parse then names the error in the body).
std::optional<std::vector<BatchEntry>> parse_elements(const std::vector<std::string_view>& texts) {
  std::vector<BatchEntry> entries(texts.size());
  std::atomic<bool> failed{false};
  const auto parse_range = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to && !failed; ++i) {
      auto value = nlohmann::json::parse(texts[i], nullptr, false);
      if (value.is_discarded())
        failed = true;
      else
        entries[i].value = std::move(value);
    }
  };
  const std::size_t threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
  const std::size_t per_thread = (texts.size() + threads - 1) / threads;
  std::vector<std::future<void>> others;
  try {
    for (std::size_t from = per_thread; from < texts.size(); from += per_thread)
      others.push_back(std::async(std::launch::async, parse_range, from,
                                  std::min(texts.size(), from + per_thread)));
    parse_range(0, std::min(texts.size(), per_thread));
    for (auto& other : others)
      other.get();
  } catch (const nlohmann::json::exception&) {  // e.g. a number beyond double
    failed = true;
  }
  if (failed) return std::nullopt;
  return entries;
}

// Parsing the elements one by one lets several threads share the work of a 10 MB batch; any
// doubt about the body falls back to the one parse that names the error's position.
std::expected<std::vector<BatchEntry>, http::Response> split_array(std::string_view body) {
  if (const auto texts = array_elements(body)) {
    if (texts->size() > k_max_batch_deposits) return std::unexpected(too_many(texts->size()));
    if (auto entries = parse_elements(*texts)) return std::move(*entries);
  }
  auto parsed = http::parse_json(body);
  if (!parsed) return std::unexpected(parsed.error());
  if (!parsed->is_array())
    return std::unexpected(http::problem(
        400, "Bad Request",
        std::string("the batch must be a JSON array of deposits (or NDJSON with Content-Type "
                    "application/x-ndjson), not ") +
            parsed->type_name()));
  if (parsed->size() > k_max_batch_deposits) return std::unexpected(too_many(parsed->size()));
  std::vector<BatchEntry> entries;
  entries.reserve(parsed->size());
  for (auto& element : *parsed)
    entries.push_back(BatchEntry{std::move(element), {}, 0});
  return entries;
}

}  // namespace

std::expected<nlohmann::json, FieldError> read_entry(BatchEntry& entry) {
  if (entry.value) return std::move(*entry.value);
  try {
    return nlohmann::json::parse(entry.line);
  } catch (const nlohmann::json::parse_error& e) {
    const std::string line = "line " + std::to_string(entry.line_number);
    return std::unexpected(
        FieldError{line, "MALFORMED_JSON",
                   "malformed JSON at byte " + std::to_string(e.byte) + " of " + line});
  } catch (const nlohmann::json::out_of_range&) {
    // A number beyond double ("1E400"): that entry's error, not the batch's.
    const std::string line = "line " + std::to_string(entry.line_number);
    return std::unexpected(FieldError{line, "MALFORMED_JSON", "a number out of range in " + line});
  }
}

bool is_ndjson(std::string_view content_type) {
  const std::string type = lower(content_type.substr(0, content_type.find(';')));
  return type == "application/x-ndjson" || type == "application/ndjson" ||
         type == "application/jsonl";
}

bool is_json(std::string_view content_type) {
  std::string type = lower(content_type.substr(0, content_type.find(';')));
  while (!type.empty() && type.back() == ' ')
    type.pop_back();
  return type == "application/json" ||
         (type.starts_with("application/") && type.ends_with("+json"));
}

std::optional<http::Response> unsupported_media_type(const http::Request& request,
                                                     bool ndjson_too) {
  const auto content_type = request.header("content-type");
  if (!content_type || content_type->empty() || is_json(*content_type) ||
      (ndjson_too && is_ndjson(*content_type)))
    return std::nullopt;
  return http::problem(415, "Unsupported Media Type",
                       "the body must be JSON (Content-Type application/json" +
                           std::string(ndjson_too ? ", or application/x-ndjson for NDJSON" : "") +
                           "), not " + std::string(*content_type));
}

std::expected<std::vector<BatchEntry>, http::Response> split_batch(const http::Request& request) {
  if (auto refused = unsupported_media_type(request, true)) return std::unexpected(*refused);
  const auto content_type = request.header("content-type");
  if (content_type && is_ndjson(*content_type)) return split_ndjson(request.body);
  return split_array(request.body);
}

}  // namespace kaution::api
