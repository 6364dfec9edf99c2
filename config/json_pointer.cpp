#include "config/json_pointer.hpp"

namespace kaution::config_detail {

std::string child_pointer(std::string_view pointer, std::string_view key) {
  std::string result(pointer);
  result += '/';
  for (char c : key) {
    if (c == '~') {
      result += "~0";
    } else if (c == '/') {
      result += "~1";
    } else {
      result += c;
    }
  }
  return result;
}

std::string child_pointer(std::string_view pointer, std::size_t index) {
  return std::string(pointer) + '/' + std::to_string(index);
}

void ErrorList::add(std::string pointer, std::string message) {
  m_errors.push_back(ConfigError{std::move(pointer), std::move(message)});
}

bool ErrorList::has_error_at_or_below(std::string_view pointer) const {
  for (const ConfigError& error : m_errors) {
    std::string_view p = error.pointer;
    if (p == pointer) return true;
    if (p.size() > pointer.size() && p.starts_with(pointer) && p[pointer.size()] == '/') {
      return true;
    }
  }
  return false;
}

}  // namespace kaution::config_detail
