#include "connectors/sandbox/tls_faults.hpp"

#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>
#include <stdexcept>

namespace kaution::sandbox {
namespace {

namespace fs = std::filesystem;

struct Freer {
  void operator()(X509* p) const { X509_free(p); }
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
  void operator()(BIO* p) const { BIO_free(p); }
};

[[noreturn]] void fail(const fs::path& path, const char* what) {
  throw std::runtime_error("sandbox TLS faults: " + std::string(what) + ": " + path.string());
}

std::unique_ptr<BIO, Freer> open_bio(const fs::path& path, const char* mode) {
  std::unique_ptr<BIO, Freer> bio(BIO_new_file(path.c_str(), mode));
  if (!bio) fail(path, "cannot open");
  return bio;
}

// server.pem re-issued by the sandbox's CA with a validity that ended ten days ago (same key).
void write_expired(const PkiFiles& pki, const fs::path& out) {
  std::unique_ptr<X509, Freer> cert(
      PEM_read_bio_X509(open_bio(pki.server_cert, "r").get(), nullptr, nullptr, nullptr));
  std::unique_ptr<EVP_PKEY, Freer> ca_key(
      PEM_read_bio_PrivateKey(open_bio(pki.ca_key, "r").get(), nullptr, nullptr, nullptr));
  if (!cert || !ca_key) fail(pki.server_cert, "cannot read the certificate or the CA key");
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -40L * 24 * 3600);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), -10L * 24 * 3600);
  if (X509_sign(cert.get(), ca_key.get(), EVP_sha256()) == 0) fail(out, "cannot sign");
  const fs::path temporary = out.string() + ".tmp";
  if (PEM_write_bio_X509(open_bio(temporary, "w").get(), cert.get()) != 1)
    fail(temporary, "cannot write");
  fs::rename(temporary, out);
}

}  // namespace

ServerIdentity server_identity(const PkiFiles& pki, TlsFault fault) {
  switch (fault) {
    case TlsFault::none:
      break;
    case TlsFault::expired: {
      const fs::path cert = pki.server_cert.parent_path() / "server-expired.pem";
      if (!fs::exists(cert)) write_expired(pki, cert);
      return {cert, pki.server_key};
    }
    case TlsFault::foreign_ca: {
      // A complete second PKI: its CA is unknown to every client of the sandbox.
      const PkiFiles other = ensure_pki(pki.server_cert.parent_path() / "foreign-ca");
      return {other.server_cert, other.server_key};
    }
  }
  return {pki.server_cert, pki.server_key};
}

}  // namespace kaution::sandbox
