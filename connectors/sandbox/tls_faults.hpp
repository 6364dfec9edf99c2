#pragma once
// Server certificates a client must refuse, for the fault tests of TLS: an expired one (issued
// by the sandbox's CA, validity ended ten days ago) and one issued by another CA. Each is made
// once beside the sandbox's PKI and kept. Sandbox::serve_tls switches a bank's listener to one.

#include <filesystem>

#include "connectors/sandbox/pki.hpp"

namespace kaution::sandbox {

enum class TlsFault { none, expired, foreign_ca };

struct ServerIdentity {
  std::filesystem::path cert;
  std::filesystem::path key;
};

// The identity a listener presents under `fault`; makes the files when missing. Throws
// std::runtime_error naming the file.
ServerIdentity server_identity(const PkiFiles& pki, TlsFault fault);

}  // namespace kaution::sandbox
