#pragma once
// What building the typed config needs besides the walked document.

#include <filesystem>

#include "config/json_pointer.hpp"
#include "config/load.hpp"

namespace kaution::config_detail {

struct BuildContext {
  std::filesystem::path base_dir;  // relative paths are taken from here; empty: left relative
  bool file_is_private = false;    // plain string secrets allowed
  const SecretEnvironment& env;
  ErrorList& errors;

  // `path` against base_dir, lexically normalized.
  std::filesystem::path resolve(const std::filesystem::path& path) const;
};

}  // namespace kaution::config_detail
