#include "queue/content_hash.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace kaution {

std::string sha256_hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), digest, &length, EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256 failed (OpenSSL EVP_Digest)");
  static constexpr char k_hex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(2 * length);
  for (unsigned int i = 0; i < length; ++i) {
    hex += k_hex[digest[i] >> 4];
    hex += k_hex[digest[i] & 0x0f];
  }
  return hex;
}

std::string booking_id_for(std::string_view connector, std::string_view access,
                           std::string_view bank_ref) {
  std::string key;
  key.reserve(connector.size() + access.size() + bank_ref.size() + 2);
  // 0x1f (unit separator) cannot occur in a connector or access name.
  key.append(connector).append(1, '\x1f').append(access).append(1, '\x1f').append(bank_ref);
  return "bk_" + sha256_hex(key).substr(0, 32);
}

}  // namespace kaution
