#include "connectors/sandbox/pki.hpp"

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <fcntl.h>
#include <unistd.h>

#include <memory>
#include <stdexcept>
#include <string>

namespace kaution::sandbox {
namespace {

namespace fs = std::filesystem;

struct Freer {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
  void operator()(X509* p) const { X509_free(p); }
  void operator()(BIO* p) const { BIO_free(p); }
  void operator()(BIGNUM* p) const { BN_free(p); }
  void operator()(X509_EXTENSION* p) const { X509_EXTENSION_free(p); }
};
using Key = std::unique_ptr<EVP_PKEY, Freer>;
using Cert = std::unique_ptr<X509, Freer>;
using Bio = std::unique_ptr<BIO, Freer>;

enum class Role { ca, server, client };

[[noreturn]] void fail(const std::string& what) {
  throw std::runtime_error("sandbox PKI: " + what);
}

Key new_key() {
  Key key(EVP_EC_gen("P-256"));
  if (!key) fail("cannot generate an EC key");
  return key;
}

void add_extension(X509* cert, X509* issuer, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  std::unique_ptr<X509_EXTENSION, Freer> ext(
      X509V3_EXT_conf_nid(nullptr, &ctx, nid, const_cast<char*>(value)));
  if (!ext || X509_add_ext(cert, ext.get(), -1) != 1) fail("cannot add a certificate extension");
}

void add_extensions(X509* cert, X509* issuer, Role role) {
  add_extension(cert, issuer, NID_subject_key_identifier, "hash");
  switch (role) {
    case Role::ca:
      add_extension(cert, issuer, NID_basic_constraints, "critical,CA:TRUE");
      add_extension(cert, issuer, NID_key_usage, "critical,keyCertSign,cRLSign");
      return;
    case Role::server:
      add_extension(cert, issuer, NID_basic_constraints, "critical,CA:FALSE");
      add_extension(cert, issuer, NID_key_usage, "critical,digitalSignature");
      add_extension(cert, issuer, NID_ext_key_usage, "serverAuth");
      add_extension(cert, issuer, NID_subject_alt_name,
                    "DNS:localhost,IP:127.0.0.1,IP:0:0:0:0:0:0:0:1");
      break;
    case Role::client:
      add_extension(cert, issuer, NID_basic_constraints, "critical,CA:FALSE");
      add_extension(cert, issuer, NID_key_usage, "critical,digitalSignature");
      add_extension(cert, issuer, NID_ext_key_usage, "clientAuth");
      break;
  }
  add_extension(cert, issuer, NID_authority_key_identifier, "keyid");
}

void set_serial(X509* cert) {
  std::unique_ptr<BIGNUM, Freer> serial(BN_new());
  if (!serial || BN_rand(serial.get(), 63, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1 ||
      BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert)) == nullptr) {
    fail("cannot set a serial number");
  }
}

// `issuer` null: self-signed with `key`.
Cert make_cert(EVP_PKEY* key, const std::string& common_name, Role role, X509* issuer,
               EVP_PKEY* issuer_key) {
  Cert cert(X509_new());
  if (!cert || X509_set_version(cert.get(), 2) != 1) fail("cannot make a certificate");
  set_serial(cert.get());
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -24 * 3600);
  X509_time_adj_ex(X509_getm_notAfter(cert.get()), 3650, 0, nullptr);
  X509_set_pubkey(cert.get(), key);
  X509_NAME* name = X509_get_subject_name(cert.get());
  const auto text = [](const std::string& s) {
    return reinterpret_cast<const unsigned char*>(s.c_str());
  };
  X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, text("kautiond sandbox"), -1, -1, 0);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, text(common_name), -1, -1, 0);
  X509* signer = issuer != nullptr ? issuer : cert.get();
  X509_set_issuer_name(cert.get(), X509_get_subject_name(signer));
  add_extensions(cert.get(), signer, role);
  if (X509_sign(cert.get(), issuer_key != nullptr ? issuer_key : key, EVP_sha256()) == 0) {
    fail("cannot sign the certificate for " + common_name);
  }
  return cert;
}

std::string bio_text(BIO* bio) {
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(size));
}

// Writes through a temporary file and a rename; `secret` files are 0600 from their creation.
void write_file(const fs::path& path, const std::string& content, bool secret) {
  const fs::path temporary = path.string() + ".tmp";
  const int fd =
      ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, secret ? 0600 : 0644);
  if (fd < 0) fail("cannot create " + temporary.string());
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n <= 0) {
      ::close(fd);
      fail("cannot write " + temporary.string());
    }
    written += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) fail("cannot write " + temporary.string());
  fs::rename(temporary, path);
}

void write_cert(const fs::path& path, X509* cert) {
  Bio bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1) fail("cannot encode " + path.string());
  write_file(path, bio_text(bio.get()), false);
}

void write_key(const fs::path& path, EVP_PKEY* key) {
  Bio bio(BIO_new(BIO_s_mem()));
  if (!bio ||
      PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    fail("cannot encode " + path.string());
  }
  write_file(path, bio_text(bio.get()), true);
}

Bio read_bio(const fs::path& path) {
  Bio bio(BIO_new_file(path.c_str(), "r"));
  if (!bio) fail("cannot read " + path.string());
  return bio;
}

Cert read_cert(const fs::path& path) {
  Cert cert(PEM_read_bio_X509(read_bio(path).get(), nullptr, nullptr, nullptr));
  if (!cert) fail("not a PEM certificate: " + path.string());
  return cert;
}

Key read_key(const fs::path& path) {
  Key key(PEM_read_bio_PrivateKey(read_bio(path).get(), nullptr, nullptr, nullptr));
  if (!key) fail("not a PEM private key: " + path.string());
  return key;
}

void ensure_leaf(const fs::path& cert_path, const fs::path& key_path, const std::string& name,
                 Role role, X509* ca, EVP_PKEY* ca_key) {
  if (fs::exists(cert_path) && fs::exists(key_path)) return;
  const Key key = new_key();
  const Cert cert = make_cert(key.get(), name, role, ca, ca_key);
  write_key(key_path, key.get());
  write_cert(cert_path, cert.get());
}

}  // namespace

PkiFiles pki_files(const fs::path& dir) {
  return {dir / "ca.pem",     dir / "ca.key",         dir / "server.pem",
          dir / "server.key", dir / "dkb-client.pem", dir / "dkb-client.key"};
}

PkiFiles ensure_pki(const fs::path& dir) {
  fs::create_directories(dir);
  const PkiFiles files = pki_files(dir);
  Key ca_key;
  Cert ca;
  if (fs::exists(files.ca_cert)) {
    ca = read_cert(files.ca_cert);
    const bool complete = fs::exists(files.server_cert) && fs::exists(files.server_key) &&
                          fs::exists(files.client_cert) && fs::exists(files.client_key);
    if (complete) return files;
    ca_key = read_key(files.ca_key);
  } else {
    ca_key = new_key();
    ca = make_cert(ca_key.get(), "kautiond sandbox test CA", Role::ca, nullptr, nullptr);
    write_key(files.ca_key, ca_key.get());
    write_cert(files.ca_cert, ca.get());
    fs::remove(files.server_cert);  // issued by another CA: replace
    fs::remove(files.client_cert);
  }
  ensure_leaf(files.server_cert, files.server_key, "localhost", Role::server, ca.get(),
              ca_key.get());
  ensure_leaf(files.client_cert, files.client_key, "sandbox-dkb-client", Role::client, ca.get(),
              ca_key.get());
  return files;
}

}  // namespace kaution::sandbox
