#include "daemon/ctl/json_text.hpp"

namespace kaution::ctl {
namespace {

bool is_continuation(char c) {
  return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

bool is_scalar_array(const Json& value) {
  for (const auto& v : value)
    if (v.is_structured()) return false;
  return true;
}

void flatten_into(const Json& value, const std::string& path,
                  std::vector<std::pair<std::string, std::string>>& out) {
  if (value.is_object() && !value.empty()) {
    for (const auto& [key, member] : value.items())
      flatten_into(member, path.empty() ? key : path + "." + key, out);
  } else if (value.is_array() && !value.empty() && !is_scalar_array(value)) {
    for (std::size_t i = 0; i < value.size(); ++i)
      flatten_into(value[i], path + "[" + std::to_string(i) + "]", out);
  } else if (!(path.empty() && value.is_structured() && value.empty())) {
    out.emplace_back(path, value.is_structured() && value.empty() ? "-" : cell_text(value));
  }
}

}  // namespace

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (char c : text)
    if (!is_continuation(c)) ++width;
  return width;
}

std::string shorten(std::string_view text, std::size_t max_chars) {
  if (display_width(text) <= max_chars || max_chars == 0) return std::string(text);
  std::size_t chars = 0;
  std::size_t i = 0;
  for (; i < text.size(); ++i) {
    if (!is_continuation(text[i]) && ++chars == max_chars) break;  // room for "…"
  }
  return std::string(text.substr(0, i)) + "…";
}

std::string cell_text(const Json& value) {
  if (value.is_null()) return "-";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "yes" : "no";
  if (value.is_array()) {
    if (value.empty()) return "-";
    if (!is_scalar_array(value)) return "<" + std::to_string(value.size()) + " items>";
    std::string joined;
    for (const auto& v : value)
      joined += (joined.empty() ? "" : ", ") + cell_text(v);
    return joined;
  }
  return value.dump();
}

const Json* find_path(const Json& object, std::string_view dotted) {
  const Json* current = &object;
  while (true) {
    if (!current->is_object()) return nullptr;
    const auto dot = dotted.find('.');
    const auto it = current->find(std::string(dotted.substr(0, dot)));
    if (it == current->end()) return nullptr;
    current = &*it;
    if (dot == std::string_view::npos) return current;
    dotted.remove_prefix(dot + 1);
  }
}

const Json* find_any(const Json& object, std::initializer_list<std::string_view> keys) {
  for (auto key : keys) {
    const auto* found = find_path(object, key);
    if (found != nullptr && !found->is_null()) return found;
  }
  return nullptr;
}

std::vector<std::pair<std::string, std::string>> flatten(const Json& value) {
  std::vector<std::pair<std::string, std::string>> out;
  flatten_into(value, "", out);
  return out;
}

const Json* find_rows(const Json& answer, std::initializer_list<std::string_view> keys) {
  if (answer.is_array()) return &answer;
  if (!answer.is_object()) return nullptr;
  for (auto key : keys) {
    const auto it = answer.find(std::string(key));
    if (it != answer.end() && it->is_array()) return &*it;
  }
  for (const auto& member : answer)
    if (member.is_array()) return &member;
  return nullptr;
}

}  // namespace kaution::ctl
