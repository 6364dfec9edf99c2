#include "daemon/log_event.hpp"

namespace kaution {
namespace {

bool event_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// The value at `at` and the position after it.
std::pair<std::string, std::size_t> read_value(std::string_view line, std::size_t at) {
  if (at < line.size() && line[at] == '"') {
    for (std::size_t i = at + 1; i < line.size(); ++i)
      if (line[i] == '"' && (i + 1 == line.size() || line[i + 1] == ' '))
        return {std::string(line.substr(at + 1, i - at - 1)), i + 1};
    return {std::string(line.substr(at + 1)), line.size()};
  }
  std::size_t end = line.find(' ', at);
  if (end == std::string_view::npos) end = line.size();
  return {std::string(line.substr(at, end - at)), end};
}

}  // namespace

LogEvent parse_log_event(std::string_view line) {
  LogEvent out;
  std::size_t at = 0;
  while (at < line.size() && event_char(line[at]))
    ++at;
  if (at < 2 || (line[0] < 'A' || line[0] > 'Z') || (at < line.size() && line[at] != ' '))
    return out;
  out.event = std::string(line.substr(0, at));
  while (at < line.size()) {
    while (at < line.size() && line[at] == ' ')
      ++at;
    std::size_t key_end = at;
    while (key_end < line.size() && key_char(line[key_end]))
      ++key_end;
    if (key_end == at || key_end >= line.size() || line[key_end] != '=') {
      const std::size_t space = line.find(' ', at);  // free text: skip the word
      at = space == std::string_view::npos ? line.size() : space;
      continue;
    }
    auto [value, next] = read_value(line, key_end + 1);
    out.fields.emplace_back(std::string(line.substr(at, key_end - at)), std::move(value));
    at = next;
  }
  return out;
}

std::string journal_field_name(std::string_view key) {
  std::string out = "KAUTIOND_";
  for (const char c : key) {
    if (c >= 'a' && c <= 'z')
      out += static_cast<char>(c - 'a' + 'A');
    else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
      out += c;
    else
      out += '_';
  }
  return out;
}

}  // namespace kaution
