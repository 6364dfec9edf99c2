#include "config/build_context.hpp"

namespace kaution::config_detail {

std::filesystem::path BuildContext::resolve(const std::filesystem::path& path) const {
  if (path.is_absolute() || base_dir.empty()) return path.lexically_normal();
  return (base_dir / path).lexically_normal();
}

}  // namespace kaution::config_detail
