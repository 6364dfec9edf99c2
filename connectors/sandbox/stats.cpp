#include "connectors/sandbox/stats.hpp"

namespace kaution::sandbox {

void Stats::record(const std::string& key) {
  const auto second = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::steady_clock::now().time_since_epoch())
                          .count();
  const std::lock_guard lock(m_mutex);
  ++m_counts[key];
  ++m_total;
  if (second != m_second) {
    m_second = second;
    m_in_second = 0;
  }
  if (++m_in_second > m_max_per_second) m_max_per_second = m_in_second;
}

void Stats::record_fault() {
  const std::lock_guard lock(m_mutex);
  ++m_faults;
}

void Stats::reset() {
  const std::lock_guard lock(m_mutex);
  m_counts.clear();
  m_total = 0;
  m_faults = 0;
  m_second = -1;
  m_in_second = 0;
  m_max_per_second = 0;
}

nlohmann::json Stats::to_json() const {
  const std::lock_guard lock(m_mutex);
  nlohmann::json requests = nlohmann::json::object();
  for (const auto& [key, count] : m_counts)
    requests[key] = count;
  return {{"requests", requests},
          {"total", m_total},
          {"max_per_second", m_max_per_second},
          {"faults_injected", m_faults}};
}

}  // namespace kaution::sandbox
