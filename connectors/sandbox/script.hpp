#pragma once
// Scripted behaviour of one sandbox bank, set through the control endpoints of script.cpp for
// tests that need an exact situation rather than the simulation's seeded one (the connector
// conformance suite): the next export of a contract rejected with a field error. Thread-safe.

#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "connectors/sandbox/checks.hpp"

namespace kaution::sandbox {

class Script {
 public:
  // The next export of `contract` is refused with `violation` (in the profile's error shape).
  void reject_next(const std::string& contract, Violation violation);
  // The rejection waiting for `contract`, consumed.
  std::optional<Violation> take_rejection(const std::string& contract);

 private:
  std::mutex m_mutex;
  std::map<std::string, Violation, std::less<>> m_rejections;
};

}  // namespace kaution::sandbox
