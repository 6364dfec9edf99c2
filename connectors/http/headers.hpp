#pragma once
// Headers: an ordered list of HTTP header fields with case-insensitive lookup by name.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kaution::httpclient {

bool iequals(std::string_view a, std::string_view b);

class Headers {
 public:
  Headers() = default;
  Headers(std::initializer_list<std::pair<std::string, std::string>> fields);

  void add(std::string name, std::string value);
  // Replaces every field named `name` (any case) by one with `value`.
  void set(std::string_view name, std::string value);
  // The first field named `name`, compared without case.
  std::optional<std::string_view> get(std::string_view name) const;
  bool contains(std::string_view name) const { return get(name).has_value(); }
  void clear() { m_fields.clear(); }

  const std::vector<std::pair<std::string, std::string>>& fields() const { return m_fields; }

 private:
  std::vector<std::pair<std::string, std::string>> m_fields;
};

}  // namespace kaution::httpclient
