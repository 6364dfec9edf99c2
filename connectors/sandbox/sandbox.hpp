#pragma once
// Sandbox: the three sandbox banks serving on their own HTTPS ports, sharing one simulated
// world. Construction generates the PKI if needed and starts serving; stop() or the destructor
// ends it. Ports 0 bind ephemeral ports (port()).

#include <array>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "connectors/sandbox/context.hpp"
#include "connectors/sandbox/pki.hpp"
#include "connectors/sandbox/tls_faults.hpp"
#include "daemon/http/router.hpp"

namespace kaution::http {
class HttpServer;
}

namespace kaution::sandbox {

class StateJournal;

struct SandboxOptions {
  DataSetOptions data;
  std::filesystem::path pki_dir;
  std::string address = "127.0.0.1";
  std::array<std::uint16_t, 3> ports{8441, 8442, 8443};  // aak, km, dkb
  std::chrono::seconds token_ttl{3600};
  nlohmann::json faults;               // null, or {"aak": [rules], "km": [...], "dkb": [...]}
  std::array<std::string, 3> secrets;  // aak, km, dkb; empty: default_credentials()
  std::filesystem::path state_file;    // empty: state in memory only (state.hpp)
};

class Sandbox {
 public:
  // Throws std::runtime_error (PKI, a port in use, a bad fault rule) with the reason.
  explicit Sandbox(SandboxOptions options);
  ~Sandbox();
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  std::uint16_t port(Bank bank) const;
  // {"aak": 8441, "km": 8442, "dkb": 8443}
  nlohmann::json ports_json() const;
  const PkiFiles& pki() const { return m_pki; }
  World& world() { return *m_world; }
  BankContext& context(Bank bank) { return *m_contexts[static_cast<std::size_t>(bank)]; }
  void stop();
  // Restarts `bank`'s listener on its port presenting the certificate of `fault` (tls_faults.hpp);
  // TlsFault::none returns to the sandbox's own. The bank's data and faults stay.
  void serve_tls(Bank bank, TlsFault fault);

 private:
  void start(Bank bank, http::Router router);

  SandboxOptions m_options;
  PkiFiles m_pki;
  std::unique_ptr<World> m_world;
  std::unique_ptr<StateJournal> m_journal;
  std::array<std::unique_ptr<BankContext>, 3> m_contexts;
  std::array<std::unique_ptr<http::HttpServer>, 3> m_servers;
  std::array<TlsFault, 3> m_tls{TlsFault::none, TlsFault::none, TlsFault::none};
};

}  // namespace kaution::sandbox
