#include "daemon/http/auth.hpp"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <set>
#include <stdexcept>

namespace kaution::http {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::string_view trim_spaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  return text;
}

// The token of "Bearer <token>" (scheme case-insensitive, RFC 9110 11.1); nullopt otherwise.
std::optional<std::string_view> bearer_token(std::string_view header) {
  header = trim_spaces(header);
  const std::size_t space = header.find_first_of(" \t");
  if (space == std::string_view::npos || !iequals(header.substr(0, space), "Bearer")) {
    return std::nullopt;
  }
  return trim_spaces(header.substr(space));
}

}  // namespace

Authenticator::Authenticator(const std::vector<ApiToken>& tokens) : m_entries(build(tokens)) {}

void Authenticator::replace(const std::vector<ApiToken>& tokens) {
  auto entries = build(tokens);
  const std::lock_guard lock(m_mutex);
  m_entries = std::move(entries);
}

std::optional<Principal> Authenticator::authenticate(std::optional<std::string_view> authorization,
                                                     AuthFailure* failure) const {
  const auto fail = [failure](AuthFailure why) -> std::optional<Principal> {
    if (failure != nullptr) *failure = why;
    return std::nullopt;
  };
  if (!authorization) return fail(AuthFailure::missing);
  const std::optional<std::string_view> token = bearer_token(*authorization);
  if (!token) return fail(AuthFailure::wrong_scheme);
  const Digest presented = sha256(*token);
  std::shared_ptr<const Entries> entries;
  {
    const std::lock_guard lock(m_mutex);
    entries = m_entries;
  }
  const Entry* match = nullptr;
  for (const Entry& entry : *entries) {  // no early exit: the timing is the same for every entry
    if (CRYPTO_memcmp(presented.data(), entry.digest.data(), presented.size()) == 0) {
      match = &entry;
    }
  }
  if (match == nullptr || token->empty()) return fail(AuthFailure::wrong_token);
  return match->principal;
}

std::shared_ptr<const Authenticator::Entries> Authenticator::build(
    const std::vector<ApiToken>& tokens) {
  auto entries = std::make_shared<Entries>();
  std::set<std::string_view> names;
  std::set<Digest> digests;
  for (const ApiToken& token : tokens) {
    const std::string which = "API token '" + token.name + "'";
    if (token.name.empty()) throw std::invalid_argument("an API token has no name");
    if (token.secret.empty()) throw std::invalid_argument(which + " has an empty secret");
    if (token.role == Role::none) throw std::invalid_argument(which + " has the role none");
    if (!names.insert(token.name).second) throw std::invalid_argument(which + " is repeated");
    Digest digest = sha256(token.secret);
    if (!digests.insert(digest).second) {
      throw std::invalid_argument(which + " has the same secret as another token");
    }
    entries->push_back(Entry{Principal{token.name, token.role}, digest});
  }
  return entries;
}

Authenticator::Digest Authenticator::sha256(std::string_view text) {
  Digest digest{};
  unsigned int length = 0;
  if (EVP_Digest(text.data(), text.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1 ||
      length != digest.size()) {
    throw std::runtime_error("SHA-256 failed");
  }
  return digest;
}

}  // namespace kaution::http
