#include "daemon/sync/cycle_tally.hpp"

namespace kaution {

void CycleTally::answered(std::string_view access) {
  ++m_counts[std::string(access)].answered;
}

void CycleTally::failed(std::string_view access) {
  ++m_counts[std::string(access)].failed;
}

void CycleTally::record(std::string_view access, const Failure* failure) {
  if (!failure || failure->failure_class == FailureClass::rejected)
    answered(access);
  else
    failed(access);
}

bool CycleTally::unreachable(std::string_view access) const {
  const auto it = m_counts.find(access);
  return it != m_counts.end() && it->second.failed > 0 && it->second.answered == 0;
}

std::vector<std::string> CycleTally::unreachable_accesses() const {
  std::vector<std::string> names;
  for (const auto& [name, counts] : m_counts)
    if (counts.failed > 0 && counts.answered == 0) names.push_back(name);
  return names;
}

}  // namespace kaution
