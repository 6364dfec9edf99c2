#pragma once
// Requests one bank has seen, for tests that look for retry storms: counts per route (method and
// pattern, or km's SOAP operation), the total, the most requests within one wall-clock second,
// and how many faults were injected. Thread-safe.

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

namespace kaution::sandbox {

class Stats {
 public:
  void record(const std::string& key);
  void record_fault();
  void reset();
  // {"requests": {"PUT /v1/deposits/{contractNumber}": 3}, "total": 3, "max_per_second": 2,
  //  "faults_injected": 1}
  nlohmann::json to_json() const;

 private:
  mutable std::mutex m_mutex;
  std::map<std::string, std::uint64_t> m_counts;
  std::uint64_t m_total = 0;
  std::uint64_t m_faults = 0;
  std::int64_t m_second = -1;
  std::uint64_t m_in_second = 0;
  std::uint64_t m_max_per_second = 0;
};

}  // namespace kaution::sandbox
