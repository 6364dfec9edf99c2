#pragma once
// Internal helpers shared by the walker, the builder and the checks: the JSON type, JSON
// Pointers and the error list.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "config/load.hpp"

namespace kaution::config_detail {

// Ordered, so that errors and normalized output follow the file's order.
using Json = nlohmann::ordered_json;

// `pointer` extended by one reference token, escaped per RFC 6901 ("a/b" → "a~1b").
std::string child_pointer(std::string_view pointer, std::string_view key);
std::string child_pointer(std::string_view pointer, std::size_t index);

// Collects errors; answers whether a part of the document already has one, so that checks of a
// whole do not repeat what the walker said about its parts.
class ErrorList {
 public:
  void add(std::string pointer, std::string message);
  // An error at `pointer` or below it.
  bool has_error_at_or_below(std::string_view pointer) const;
  bool empty() const { return m_errors.empty(); }
  std::vector<ConfigError> take() { return std::move(m_errors); }
  const std::vector<ConfigError>& errors() const { return m_errors; }

 private:
  std::vector<ConfigError> m_errors;
};

}  // namespace kaution::config_detail
