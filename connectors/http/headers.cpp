#include "connectors/http/headers.hpp"

#include <algorithm>

namespace kaution::httpclient {

namespace {
char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
}  // namespace

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

Headers::Headers(std::initializer_list<std::pair<std::string, std::string>> fields)
    : m_fields(fields) {}

void Headers::add(std::string name, std::string value) {
  m_fields.emplace_back(std::move(name), std::move(value));
}

void Headers::set(std::string_view name, std::string value) {
  std::erase_if(m_fields, [&](const auto& field) { return iequals(field.first, name); });
  m_fields.emplace_back(std::string(name), std::move(value));
}

std::optional<std::string_view> Headers::get(std::string_view name) const {
  for (const auto& [field, value] : m_fields)
    if (iequals(field, name)) return std::string_view(value);
  return std::nullopt;
}

}  // namespace kaution::httpclient
