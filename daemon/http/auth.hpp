#pragma once
// Bearer-token authentication. Only SHA-256 digests of the secrets are kept; a presented token
// is hashed and compared with every configured digest by CRYPTO_memcmp, so neither the length
// nor the content of a secret shows in the timing. The token set can be replaced while requests
// are being checked.

#include <array>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/http/role.hpp"

namespace kaution::http {

struct ApiToken {
  std::string name;  // shown to handlers ("who assigned"), logged
  Role role = Role::ledger;
  std::string secret;  // never logged, never answered
};

struct Principal {
  std::string name;
  Role role = Role::none;
};

enum class AuthFailure {
  missing,       // no Authorization header
  wrong_scheme,  // not "Bearer <token>"
  wrong_token,   // no configured token matches
};

class Authenticator {
 public:
  // Throws std::invalid_argument (naming the token, never its secret) for an empty name or
  // secret, the role `none`, or a repeated name or secret.
  explicit Authenticator(const std::vector<ApiToken>& tokens);
  // Same checks; on a throw the old set stays in force.
  void replace(const std::vector<ApiToken>& tokens);
  // Checks the value of an Authorization header (nullopt: no header).
  std::optional<Principal> authenticate(std::optional<std::string_view> authorization,
                                        AuthFailure* failure = nullptr) const;

 private:
  using Digest = std::array<unsigned char, 32>;
  struct Entry {
    Principal principal;
    Digest digest;
  };
  using Entries = std::vector<Entry>;

  static std::shared_ptr<const Entries> build(const std::vector<ApiToken>& tokens);
  static Digest sha256(std::string_view text);

  mutable std::mutex m_mutex;
  std::shared_ptr<const Entries> m_entries;
};

}  // namespace kaution::http
