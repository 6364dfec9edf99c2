#include "connectors/sandbox/tokens.hpp"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <stdexcept>
#include <vector>

#include "daemon/http/uri.hpp"

namespace kaution::sandbox {
namespace {

std::optional<std::string> credentials_of(const http::Request& request, std::string_view scheme) {
  const auto header = request.header("authorization");
  if (!header || header->size() <= scheme.size() + 1) return std::nullopt;
  if (!header->starts_with(scheme) || (*header)[scheme.size()] != ' ') return std::nullopt;
  return std::string(header->substr(scheme.size() + 1));
}

}  // namespace

std::string TokenStore::issue() {
  unsigned char random[24];
  if (RAND_bytes(random, sizeof(random)) != 1) throw std::runtime_error("RAND_bytes failed");
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string token = "sbx-";
  for (const unsigned char byte : random) {
    token += k_hex[byte >> 4];
    token += k_hex[byte & 0xf];
  }
  const auto now = Clock::now();
  const std::lock_guard lock(m_mutex);
  std::erase_if(m_expiry, [&](const auto& entry) { return entry.second <= now; });
  m_expiry.emplace(token, now + m_ttl);
  return token;
}

bool TokenStore::valid(std::string_view token) const {
  const std::lock_guard lock(m_mutex);
  const auto it = m_expiry.find(std::string(token));
  return it != m_expiry.end() && it->second > Clock::now();
}

std::optional<std::string> bearer_token(const http::Request& request) {
  return credentials_of(request, "Bearer");
}

std::optional<std::pair<std::string, std::string>> basic_credentials(const http::Request& request) {
  const auto encoded = credentials_of(request, "Basic");
  if (!encoded || encoded->size() % 4 != 0 || encoded->size() > 4096) return std::nullopt;
  std::vector<unsigned char> decoded(encoded->size() / 4 * 3 + 1);
  const int length =
      EVP_DecodeBlock(decoded.data(), reinterpret_cast<const unsigned char*>(encoded->data()),
                      static_cast<int>(encoded->size()));
  if (length < 0) return std::nullopt;
  std::string text(reinterpret_cast<const char*>(decoded.data()), static_cast<std::size_t>(length));
  // EVP_DecodeBlock keeps the padding's zero bytes.
  std::size_t padding = 0;
  for (auto it = encoded->rbegin(); it != encoded->rend() && *it == '='; ++it)
    ++padding;
  text.resize(text.size() - std::min(padding, text.size()));
  const auto colon = text.find(':');
  if (colon == std::string::npos) return std::nullopt;
  return std::pair{text.substr(0, colon), text.substr(colon + 1)};
}

std::optional<std::unordered_map<std::string, std::string>> form_fields(std::string_view body) {
  const auto target = http::parse_target("/?" + std::string(body));
  if (!target) return std::nullopt;
  std::unordered_map<std::string, std::string> fields;
  for (const auto& [name, value] : target->query)
    fields.emplace(name, value);
  return fields;
}

}  // namespace kaution::sandbox
