#pragma once
// OAuth2 access tokens issued by a sandbox bank (aak, dkb): random, valid for a fixed time,
// forgotten when they expire. Thread-safe.

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "daemon/http/message.hpp"

namespace kaution::sandbox {

class TokenStore {
 public:
  explicit TokenStore(std::chrono::seconds ttl) : m_ttl(ttl) {}
  std::string issue();
  bool valid(std::string_view token) const;
  std::chrono::seconds ttl() const { return m_ttl; }

 private:
  using Clock = std::chrono::steady_clock;
  std::chrono::seconds m_ttl;
  mutable std::mutex m_mutex;
  std::unordered_map<std::string, Clock::time_point> m_expiry;
};

// The token of "Authorization: Bearer <token>", if that is what the request carries.
std::optional<std::string> bearer_token(const http::Request& request);
// User and password of "Authorization: Basic <base64>".
std::optional<std::pair<std::string, std::string>> basic_credentials(const http::Request& request);
// An application/x-www-form-urlencoded body as name → value (first value wins).
std::optional<std::unordered_map<std::string, std::string>> form_fields(std::string_view body);

}  // namespace kaution::sandbox
