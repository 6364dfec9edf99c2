#include "connectors/sandbox/script.hpp"

namespace kaution::sandbox {

void Script::reject_next(const std::string& contract, Violation violation) {
  const std::lock_guard lock(m_mutex);
  m_rejections[contract] = std::move(violation);
}

std::optional<Violation> Script::take_rejection(const std::string& contract) {
  const std::lock_guard lock(m_mutex);
  const auto it = m_rejections.find(contract);
  if (it == m_rejections.end()) return std::nullopt;
  Violation violation = std::move(it->second);
  m_rejections.erase(it);
  return violation;
}

}  // namespace kaution::sandbox
