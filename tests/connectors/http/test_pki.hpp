#pragma once
// Test support: a throw-away PKI built with OpenSSL's C API — a CA, server certificates for
// 127.0.0.1/localhost, client certificates — written as PEM files for libcurl, and TLS
// server contexts for ScriptedServer.

#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <filesystem>
#include <memory>
#include <string>

namespace kaution::test {

struct PkeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
struct X509Free {
  void operator()(X509* c) const { X509_free(c); }
};
struct SslCtxFree {
  void operator()(SSL_CTX* c) const { SSL_CTX_free(c); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using X509Ptr = std::unique_ptr<X509, X509Free>;
using SslCtxPtr = std::unique_ptr<SSL_CTX, SslCtxFree>;

struct KeyAndCert {
  PkeyPtr key;
  X509Ptr cert;
};

enum class Usage { ca, server, client };

// A CA (self-signed) when `issuer` is null, else a certificate `issuer` signs.
KeyAndCert make_cert(const std::string& common_name, Usage usage, const KeyAndCert* issuer);

void write_cert_pem(const std::filesystem::path& path, X509* cert);
void write_key_pem(const std::filesystem::path& path, EVP_PKEY* key);

// A TLS server context with `server`'s certificate; requires a client certificate that
// `client_ca` signed when given.
SslCtxPtr server_context(const KeyAndCert& server, const KeyAndCert* client_ca = nullptr);

// libcurl's pin of `cert`'s public key: "sha256//<base64 of SHA-256 of the SPKI DER>".
std::string public_key_pin(X509* cert);

// A fresh directory under the temp directory, removed with its contents when destroyed.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }
  std::string file(const std::string& name) const { return (m_path / name).string(); }

 private:
  std::filesystem::path m_path;
};

}  // namespace kaution::test
