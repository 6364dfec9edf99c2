#include "tests/connectors/http/test_pki.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <stdexcept>
#include <vector>

namespace kaution::test {

namespace {

void check(bool ok, const char* what) {
  if (!ok) throw std::runtime_error(std::string("test PKI: ") + what);
}

void add_extension(X509* cert, X509V3_CTX& ctx, int nid, const char* value) {
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
  check(ext != nullptr && X509_add_ext(cert, ext, -1) == 1, "extension");
  X509_EXTENSION_free(ext);
}

void add_extensions(X509* cert, X509* issuer, Usage usage) {
  X509V3_CTX ctx;
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  add_extension(cert, ctx, NID_subject_key_identifier, "hash");
  if (issuer != cert) add_extension(cert, ctx, NID_authority_key_identifier, "keyid:always");
  switch (usage) {
    case Usage::ca:
      add_extension(cert, ctx, NID_basic_constraints, "critical,CA:TRUE");
      add_extension(cert, ctx, NID_key_usage, "critical,keyCertSign,cRLSign");
      break;
    case Usage::server:
      add_extension(cert, ctx, NID_basic_constraints, "critical,CA:FALSE");
      add_extension(cert, ctx, NID_ext_key_usage, "serverAuth");
      add_extension(cert, ctx, NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost");
      break;
    case Usage::client:
      add_extension(cert, ctx, NID_basic_constraints, "critical,CA:FALSE");
      add_extension(cert, ctx, NID_ext_key_usage, "clientAuth");
      break;
  }
}

long next_serial() {
  static std::atomic<long> serial{1};
  return serial++;
}

}  // namespace

KeyAndCert make_cert(const std::string& common_name, Usage usage, const KeyAndCert* issuer) {
  KeyAndCert out{PkeyPtr(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256")), X509Ptr(X509_new())};
  check(out.key && out.cert, "key generation");
  X509* cert = out.cert.get();
  X509_set_version(cert, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert), next_serial());
  X509_gmtime_adj(X509_getm_notBefore(cert), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert), 24 * 3600);
  X509_set_pubkey(cert, out.key.get());
  X509_NAME* name = X509_get_subject_name(cert);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1,
                             0);
  X509* issuer_cert = issuer != nullptr ? issuer->cert.get() : cert;
  EVP_PKEY* issuer_key = issuer != nullptr ? issuer->key.get() : out.key.get();
  X509_set_issuer_name(cert, X509_get_subject_name(issuer_cert));
  add_extensions(cert, issuer_cert, usage);
  check(X509_sign(cert, issuer_key, EVP_sha256()) > 0, "signing");
  return out;
}

void write_cert_pem(const std::filesystem::path& path, X509* cert) {
  FILE* file = std::fopen(path.c_str(), "w");
  check(file != nullptr && PEM_write_X509(file, cert) == 1, "writing a certificate");
  std::fclose(file);
}

void write_key_pem(const std::filesystem::path& path, EVP_PKEY* key) {
  FILE* file = std::fopen(path.c_str(), "w");
  check(file != nullptr &&
            PEM_write_PrivateKey(file, key, nullptr, nullptr, 0, nullptr, nullptr) == 1,
        "writing a key");
  std::fclose(file);
}

SslCtxPtr server_context(const KeyAndCert& server, const KeyAndCert* client_ca) {
  SslCtxPtr ctx(SSL_CTX_new(TLS_server_method()));
  check(ctx != nullptr, "SSL_CTX_new");
  check(SSL_CTX_use_certificate(ctx.get(), server.cert.get()) == 1 &&
            SSL_CTX_use_PrivateKey(ctx.get(), server.key.get()) == 1,
        "server certificate");
  if (client_ca != nullptr) {
    check(X509_STORE_add_cert(SSL_CTX_get_cert_store(ctx.get()), client_ca->cert.get()) == 1,
          "client CA");
    SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
  }
  return ctx;
}

std::string public_key_pin(X509* cert) {
  unsigned char* der = nullptr;
  const int length = i2d_PUBKEY(X509_get0_pubkey(cert), &der);
  check(length > 0, "public key");
  std::vector<unsigned char> digest(EVP_MAX_MD_SIZE);
  unsigned int digest_length = 0;
  EVP_Digest(der, static_cast<std::size_t>(length), digest.data(), &digest_length, EVP_sha256(),
             nullptr);
  OPENSSL_free(der);
  std::string encoded(4 * ((digest_length + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(encoded.data()), digest.data(),
                                static_cast<int>(digest_length));
  encoded.resize(static_cast<std::size_t>(n));
  return "sha256//" + encoded;
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "kaution-httpc-XXXXXX").string();
  check(::mkdtemp(pattern.data()) != nullptr, "mkdtemp");
  m_path = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(m_path, ignored);
}

}  // namespace kaution::test
