#pragma once
// The sandbox's test PKI, made with OpenSSL at start: a CA, the server certificate all three
// ports present (localhost, 127.0.0.1, ::1) and dkb's client certificate for mutual TLS. Files
// that exist are kept, so the daemon's configuration stays valid across restarts.

#include <filesystem>

namespace kaution::sandbox {

struct PkiFiles {
  std::filesystem::path ca_cert;      // ca.pem: the daemon's tls.ca_file
  std::filesystem::path ca_key;       // ca.key
  std::filesystem::path server_cert;  // server.pem
  std::filesystem::path server_key;   // server.key
  std::filesystem::path client_cert;  // dkb-client.pem: the daemon's tls.client_cert for dkb
  std::filesystem::path client_key;   // dkb-client.key
};

PkiFiles pki_files(const std::filesystem::path& dir);

// Creates `dir` and whatever files are missing (EC P-256 keys, SHA-256 signatures, ten years);
// keys are written 0600. Throws std::runtime_error naming the file.
PkiFiles ensure_pki(const std::filesystem::path& dir);

}  // namespace kaution::sandbox
