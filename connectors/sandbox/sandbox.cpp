#include "connectors/sandbox/sandbox.hpp"

#include <stdexcept>

#include "connectors/sandbox/aak_bank.hpp"
#include "connectors/sandbox/control.hpp"
#include "connectors/sandbox/dkb_bank.hpp"
#include "connectors/sandbox/km_bank.hpp"
#include "connectors/sandbox/script_control.hpp"
#include "connectors/sandbox/state.hpp"
#include "connectors/sandbox/truth.hpp"
#include "daemon/http/server.hpp"

namespace kaution::sandbox {
namespace {

constexpr std::chrono::milliseconds k_stop_grace{2000};

void add_bank_routes(http::Router& router, BankContext& context) {
  switch (context.bank) {
    case Bank::aak:
      add_aak_routes(router, context);
      break;
    case Bank::km:
      add_km_routes(router, context);
      break;
    case Bank::dkb:
      add_dkb_routes(router, context);
      break;
  }
  add_control_routes(router, context);
  add_truth_routes(router, context);
  add_script_routes(router, context);
}

void load_faults(BankContext& context, const nlohmann::json& faults) {
  if (faults.is_null()) return;
  if (!faults.is_object()) throw std::runtime_error("faults: expected {\"aak\": [...], ...}");
  for (const auto& [name, rules] : faults.items()) {
    if (name != "aak" && name != "km" && name != "dkb") {
      throw std::runtime_error("faults: unknown bank \"" + name + "\"");
    }
    if (name != bank_name(context.bank)) continue;
    auto added = add_faults(context.faults, rules);
    if (!added) throw std::runtime_error("faults for " + name + ": " + added.error());
  }
}

}  // namespace

Sandbox::Sandbox(SandboxOptions options)
    : m_options(std::move(options)),
      m_pki(ensure_pki(m_options.pki_dir)),
      m_world(std::make_unique<World>(m_options.data)) {
  if (!m_options.state_file.empty()) {
    m_journal = std::make_unique<StateJournal>(m_options.state_file, m_options.data);
    m_world->journal = m_journal.get();
  }
  for (const Bank bank : k_banks) {
    auto& context = m_contexts[static_cast<std::size_t>(bank)];
    Credentials credentials = default_credentials(bank);
    if (const std::string& secret = m_options.secrets[static_cast<std::size_t>(bank)];
        !secret.empty())
      credentials.secret = secret;
    context =
        std::make_unique<BankContext>(bank, *m_world, std::move(credentials), m_options.token_ttl);
    load_faults(*context, m_options.faults);
  }
  std::array<http::Router, 3> routers;
  for (const Bank bank : k_banks)
    add_bank_routes(routers[static_cast<std::size_t>(bank)], context(bank));
  replay(*m_world);  // before any port serves
  for (const Bank bank : k_banks)
    start(bank, std::move(routers[static_cast<std::size_t>(bank)]));
}

Sandbox::~Sandbox() {
  stop();
}

void Sandbox::start(Bank bank, http::Router router) {
  const auto at = static_cast<std::size_t>(bank);
  http::TcpOptions tcp;
  tcp.address = m_options.address;
  tcp.port = m_options.ports[at];
  const ServerIdentity identity = server_identity(m_pki, m_tls[at]);
  tcp.tls_cert = identity.cert;
  tcp.tls_key = identity.key;
  http::ServerOptions server;
  server.tcp = tcp;
  server.connection_limit = 128;
  server.stop_grace = k_stop_grace;
  server.public_authorization = true;  // the banks check their own credentials
  if (bank == Bank::dkb) server.tls_client_ca = m_pki.ca_cert;  // mutual TLS
  try {
    m_servers[at] = std::make_unique<http::HttpServer>(server, std::move(router),
                                                       std::vector<http::ApiToken>{});
  } catch (const std::exception& error) {
    throw std::runtime_error(std::string(bank_name(bank)) + " sandbox on " + tcp.address + ":" +
                             std::to_string(tcp.port) + ": " + error.what());
  }
}

std::uint16_t Sandbox::port(Bank bank) const {
  const auto& server = m_servers[static_cast<std::size_t>(bank)];
  return server ? server->tcp_port().value_or(0) : 0;
}

nlohmann::json Sandbox::ports_json() const {
  nlohmann::json ports = nlohmann::json::object();
  for (const Bank bank : k_banks)
    ports[std::string(bank_name(bank))] = port(bank);
  return ports;
}

void Sandbox::serve_tls(Bank bank, TlsFault fault) {
  const auto at = static_cast<std::size_t>(bank);
  m_options.ports[at] = port(bank);
  if (m_servers[at]) m_servers[at]->stop(k_stop_grace);
  m_servers[at].reset();
  m_tls[at] = fault;
  http::Router router;
  add_bank_routes(router, context(bank));
  start(bank, std::move(router));
}

void Sandbox::stop() {
  for (auto& context : m_contexts)
    if (context) context->faults.clear();  // ends held (hang) requests
  for (auto& server : m_servers) {
    if (server) server->stop(k_stop_grace);
  }
}

}  // namespace kaution::sandbox
