#include "config/object_reader.hpp"

#include <utility>

#include "config/secrets.hpp"

namespace kaution::config_detail {

const Json* ObjectReader::find(std::string_view key) const {
  const auto it = m_object.find(std::string(key));
  if (it == m_object.end() || it->is_null()) return nullptr;
  return &*it;
}

std::optional<ObjectReader> ObjectReader::child(std::string_view key) const {
  const Json* value = find(key);
  if (value == nullptr || !value->is_object()) return std::nullopt;
  return ObjectReader(*value, pointer_of(key), m_context);
}

void ObjectReader::read(std::string_view key, bool& out) const {
  if (const Json* value = find(key); value != nullptr && value->is_boolean()) {
    out = value->get<bool>();
  }
}

void ObjectReader::read(std::string_view key, int& out) const {
  if (const Json* value = find(key); value != nullptr && value->is_number_integer()) {
    const auto number = value->get<std::int64_t>();
    if (std::in_range<int>(number)) out = static_cast<int>(number);
  }
}

void ObjectReader::read(std::string_view key, std::int64_t& out) const {
  if (const Json* value = find(key); value != nullptr && value->is_number_integer()) {
    out = value->get<std::int64_t>();
  }
}

void ObjectReader::read(std::string_view key, std::string& out) const {
  if (const Json* value = find(key); value != nullptr && value->is_string()) {
    out = value->get<std::string>();
  }
}

void ObjectReader::read(std::string_view key, std::optional<std::string>& out) const {
  if (const Json* value = find(key); value != nullptr && value->is_string()) {
    out = value->get<std::string>();
  }
}

void ObjectReader::read_path(std::string_view key, std::filesystem::path& out) const {
  if (const Json* value = find(key); value != nullptr && value->is_string()) {
    out = m_context.resolve(value->get<std::string>());
  }
}

void ObjectReader::read_path(std::string_view key,
                             std::optional<std::filesystem::path>& out) const {
  if (const Json* value = find(key); value != nullptr && value->is_string()) {
    out = m_context.resolve(value->get<std::string>());
  }
}

bool ObjectReader::read_secret(std::string_view key, SecretSetting& out) const {
  const Json* value = find(key);
  if (value == nullptr) return false;
  auto secret = read_secret_setting(*value, pointer_of(key), m_context);
  if (!secret) return false;
  out = std::move(*secret);
  return true;
}

void ObjectReader::read_secret(std::string_view key, std::optional<SecretSetting>& out) const {
  SecretSetting secret;
  if (read_secret(key, secret)) out = std::move(secret);
}

}  // namespace kaution::config_detail
