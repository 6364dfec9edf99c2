// kautiond-sandbox: the three sandbox banks until SIGTERM or SIGINT. See README.md.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "connectors/sandbox/sandbox.hpp"
#include "core/clock.hpp"

namespace {

using namespace kaution;
using namespace kaution::sandbox;

struct Cli {
  std::uint64_t seed = 1;
  std::size_t size = 100;
  std::string today;
  std::string pki_dir;
  std::string address = "127.0.0.1";
  std::array<std::uint16_t, 3> ports{8441, 8442, 8443};
  std::string port_file;
  std::string portfolio_out;
  std::string faults;
  std::vector<std::string> fault_flags;  // "aak={...}"
  long token_ttl = 3600;
  std::string state;
  bool scripted = false;
};

void define(CLI::App& app, Cli& cli) {
  app.add_option("--seed", cli.seed, "seed of the data set")->capture_default_str();
  app.add_option("--size", cli.size, "deposits per bank in the portfolio")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{1000000}));
  app.add_option("--today", cli.today, "the start date YYYY-MM-DD (default: today in Berlin)");
  app.add_option("--pki-dir", cli.pki_dir,
                 "where ca.pem, server.pem/key, dkb-client.pem/key "
                 "are kept (made if missing); needed to serve");
  app.add_option("--address", cli.address, "numeric address to listen on")->capture_default_str();
  app.add_option("--aak-port", cli.ports[0], "0: ephemeral")->capture_default_str();
  app.add_option("--km-port", cli.ports[1], "0: ephemeral")->capture_default_str();
  app.add_option("--dkb-port", cli.ports[2], "0: ephemeral")->capture_default_str();
  app.add_option("--port-file", cli.port_file, "write the bound ports as JSON once serving");
  app.add_option("--portfolio-out", cli.portfolio_out,
                 "write the portfolio as deposit NDJSON (ledger-api.md); without --pki-dir "
                 "then exit");
  app.add_option("--faults", cli.faults, "JSON file {\"aak\": [rules], \"km\": …, \"dkb\": …}");
  app.add_option("--fault", cli.fault_flags,
                 "BANK=RULE, e.g. 'km={\"kind\":\"status\",\"status\":503,\"next\":2}'; "
                 "repeatable, added after those of --faults");
  app.add_option("--token-ttl", cli.token_ttl, "seconds an OAuth2 token is valid")
      ->capture_default_str()
      ->check(CLI::Range(1L, 86400L));
  app.add_option("--state", cli.state,
                 "journal FILE of the requests that changed the banks: a restart with the same "
                 "seed, size and --today continues where the last run stopped");
  app.add_flag("--scripted", cli.scripted,
               "book only what /_control asks: no tenant payments, payouts or noise of the "
               "simulation's own (tests)");
}

DataSetOptions data_set(const Cli& cli) {
  DataSetOptions data;
  data.seed = cli.seed;
  data.size = cli.size;
  data.scripted = cli.scripted;
  if (cli.today.empty()) {
    data.start = today(SystemClock{});
  } else {
    auto date = Date::parse(cli.today);
    if (!date) throw std::runtime_error("--today: " + date.error());
    data.start = *date;
  }
  return data;
}

nlohmann::json read_json_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  try {
    return nlohmann::json::parse(in);
  } catch (const nlohmann::json::exception& error) {
    throw std::runtime_error(path + ": " + error.what());
  }
}

// Written to a temporary file and renamed: a reader never sees half of it.
void write_text(const std::string& path, const std::string& text) {
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::trunc);
    if (!(out << text) || !out.flush()) throw std::runtime_error("cannot write " + path);
  }
  std::filesystem::rename(temporary, path);
}

void write_portfolio(const std::string& path, const DataSetOptions& data) {
  std::ofstream out(path, std::ios::trunc);
  write_portfolio_ndjson(out, data);
  if (!out.flush()) throw std::runtime_error("cannot write " + path);
}

// --faults FILE and every --fault BANK=RULE as {"aak": [rules], …}.
nlohmann::json fault_rules(const Cli& cli) {
  nlohmann::json rules = cli.faults.empty() ? nlohmann::json::object() : read_json_file(cli.faults);
  for (const std::string& flag : cli.fault_flags) {
    const auto equals = flag.find('=');
    if (equals == std::string::npos) throw std::runtime_error("--fault: BANK=RULE expected");
    const nlohmann::json rule = nlohmann::json::parse(flag.substr(equals + 1), nullptr, false);
    if (rule.is_discarded()) throw std::runtime_error("--fault: the rule is not JSON: " + flag);
    if (!rules.is_object()) throw std::runtime_error("--faults: expected a JSON object");
    rules[flag.substr(0, equals)].push_back(rule);
  }
  return rules;
}

// KAUTIOND_SANDBOX_{AAK,KM,DKB}_SECRET replace a bank's default secret (tests use canaries);
// from the environment, so that they do not show in the process list.
std::array<std::string, 3> secrets_from_environment() {
  std::array<std::string, 3> secrets;
  const char* names[] = {"KAUTIOND_SANDBOX_AAK_SECRET", "KAUTIOND_SANDBOX_KM_SECRET",
                         "KAUTIOND_SANDBOX_DKB_SECRET"};
  for (std::size_t i = 0; i < secrets.size(); ++i)
    if (const char* value = std::getenv(names[i])) secrets[i] = value;
  return secrets;
}

sigset_t stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  return set;
}

int serve(const Cli& cli, const DataSetOptions& data, const sigset_t& signals) {
  SandboxOptions options;
  options.data = data;
  options.pki_dir = cli.pki_dir;
  options.address = cli.address;
  options.ports = cli.ports;
  options.token_ttl = std::chrono::seconds(cli.token_ttl);
  options.faults = fault_rules(cli);
  options.state_file = cli.state;
  options.secrets = secrets_from_environment();
  Sandbox sandbox(std::move(options));
  if (!cli.port_file.empty()) write_text(cli.port_file, sandbox.ports_json().dump() + "\n");
  spdlog::info("kautiond-sandbox: seed {}, size {}, today {}; aak :{}, km :{}, dkb :{}; CA {}",
               data.seed, data.size, sandbox.world().simulation.today().to_string(),
               sandbox.port(Bank::aak), sandbox.port(Bank::km), sandbox.port(Bank::dkb),
               sandbox.pki().ca_cert.string());
  spdlog::info("kautiond-sandbox: READY");
  int signal = 0;
  sigwait(&signals, &signal);
  spdlog::info("kautiond-sandbox: signal {}, stopping", signal);
  sandbox.stop();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  spdlog::set_default_logger(spdlog::stderr_color_mt("sandbox"));
  CLI::App app{"kautiond-sandbox: the aak, km and dkb sandbox banks"};
  Cli cli;
  define(app, cli);
  CLI11_PARSE(app, argc, argv);
  const sigset_t signals = stop_signals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // before any thread: all inherit it
  try {
    const DataSetOptions data = data_set(cli);
    if (!cli.portfolio_out.empty()) write_portfolio(cli.portfolio_out, data);
    if (cli.pki_dir.empty()) {
      if (!cli.portfolio_out.empty()) return 0;
      std::cerr << "kautiond-sandbox: --pki-dir is required to serve\n";
      return 2;
    }
    return serve(cli, data, signals);
  } catch (const std::exception& error) {
    std::cerr << "kautiond-sandbox: " << error.what() << "\n";
    return 1;
  }
}
