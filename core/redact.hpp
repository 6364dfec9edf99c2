#pragma once
// Redactor: the one place that keeps secrets out of text meant for people (logs, errors,
// history, API answers). Every resolved secret is registered; scrub() replaces each occurrence
// with "***". Thread-safe.

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace kaution {

class Redactor {
 public:
  // Secrets shorter than 4 characters are not registered: scrubbing them would mangle text.
  void add_secret(std::string_view secret);
  void clear();
  std::string scrub(std::string_view text) const;

  // The process-wide instance the log sinks use.
  static Redactor& global();

 private:
  mutable std::mutex m_mutex;
  std::vector<std::string> m_secrets;  // longest first, so overlapping secrets vanish whole
};

}  // namespace kaution
