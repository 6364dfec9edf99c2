#pragma once
// ObjectReader: typed reads from an object the walker normalized. Types are checked already; a
// key that is absent (its wrong value was reported) leaves the target unchanged.

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "config/build_context.hpp"
#include "config/config.hpp"

namespace kaution::config_detail {

class ObjectReader {
 public:
  ObjectReader(const Json& object, std::string pointer, BuildContext& context)
      : m_object(object), m_pointer(std::move(pointer)), m_context(context) {}

  const std::string& pointer() const { return m_pointer; }
  std::string pointer_of(std::string_view key) const { return child_pointer(m_pointer, key); }
  BuildContext& context() const { return m_context; }
  // The value under `key`; nullptr when absent or null.
  const Json* find(std::string_view key) const;
  // A reader for the object under `key`, nullopt when absent or null.
  std::optional<ObjectReader> child(std::string_view key) const;

  void read(std::string_view key, bool& out) const;
  void read(std::string_view key, int& out) const;
  void read(std::string_view key, std::int64_t& out) const;
  void read(std::string_view key, std::string& out) const;
  void read(std::string_view key, std::optional<std::string>& out) const;
  // Paths are resolved against the config file's directory.
  void read_path(std::string_view key, std::filesystem::path& out) const;
  void read_path(std::string_view key, std::optional<std::filesystem::path>& out) const;
  // Reads and resolves the secret (secrets.hpp); false when absent or wrong.
  bool read_secret(std::string_view key, SecretSetting& out) const;
  void read_secret(std::string_view key, std::optional<SecretSetting>& out) const;

  // One of `names` (the key table's choices), as the enumerator of the same index.
  template <typename E, std::size_t N>
  bool read_enum(std::string_view key, const std::array<std::string_view, N>& names, E& out) const {
    const Json* value = find(key);
    if (value == nullptr || !value->is_string()) return false;
    for (std::size_t i = 0; i < N; ++i) {
      if (names[i] == value->get_ref<const std::string&>()) {
        out = static_cast<E>(i);
        return true;
      }
    }
    return false;
  }

 private:
  const Json& m_object;
  std::string m_pointer;
  BuildContext& m_context;
};

}  // namespace kaution::config_detail
