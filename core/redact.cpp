#include "core/redact.hpp"

#include <algorithm>

namespace kaution {

void Redactor::add_secret(std::string_view secret) {
  if (secret.size() < 4) return;
  std::lock_guard lock(m_mutex);
  if (std::find(m_secrets.begin(), m_secrets.end(), secret) != m_secrets.end()) return;
  m_secrets.emplace_back(secret);
  std::sort(m_secrets.begin(), m_secrets.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

void Redactor::clear() {
  std::lock_guard lock(m_mutex);
  m_secrets.clear();
}

std::string Redactor::scrub(std::string_view text) const {
  std::string out(text);
  std::lock_guard lock(m_mutex);
  for (const std::string& secret : m_secrets) {
    for (std::size_t at = out.find(secret); at != std::string::npos; at = out.find(secret, at + 3))
      out.replace(at, secret.size(), "***");
  }
  return out;
}

Redactor& Redactor::global() {
  static Redactor instance;
  return instance;
}

}  // namespace kaution
