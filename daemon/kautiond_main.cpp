// kautiond: the daemon. Thin: parses the command line and hands over to Daemon.

#include <malloc.h>
#include <spdlog/spdlog.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <CLI/CLI.hpp>

#include <iostream>

#include "config/load.hpp"
#include "core/redact.hpp"
#include "daemon/app.hpp"
#include "daemon/logging.hpp"
#include "daemon/summary.hpp"
#include "daemon/version.hpp"

namespace {

using namespace kaution;

constexpr int k_exit_ok = 0;
constexpr int k_exit_failure = 1;
constexpr int k_exit_config = 2;

void register_secrets(const Config& config) {
  Redactor& redactor = Redactor::global();
  for (const ApiToken& t : config.api.tokens)
    redactor.add_secret(t.token.value.reveal());
  for (const AccessConfig& a : config.accesses)
    if (a.password) redactor.add_secret(a.password->value.reveal());
  if (config.ledger.webhook) redactor.add_secret(config.ledger.webhook->secret.value.reveal());
}

int check_config(const std::string& path) {
  auto loaded = load_config_file(path, SecretEnvironment::from_process());
  if (!loaded) {
    std::cerr << path << ": " << loaded.error().size() << " error(s)\n";
    for (const ConfigError& e : loaded.error())
      std::cerr << "  " << format(e) << "\n";
    return k_exit_config;
  }
  std::cout << path << ": " << summarize(*loaded) << "\n";
  return k_exit_ok;
}

// A core file would hold the resolved secrets (they stay in memory for re-authentication), so
// there is none: RLIMIT_CORE 0, and not dumpable, which also keeps other processes of the same
// user from attaching with ptrace or reading /proc/PID/mem. The unit says LimitCORE=0 as well.
void refuse_core_dumps() {
  const rlimit none{0, 0};
  setrlimit(RLIMIT_CORE, &none);
  prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

// glibc raises its mmap threshold (up to 32 MiB) once a large buffer — a bank's answer — is
// freed, and then keeps an arena's free top up to twice that; malloc_trim does not reach the
// tops of the threads' arenas. After an import of 1.1M bookings the idle daemon held ~100 MB.
// Fixed thresholds: blocks of 4 MiB and more are mapped and unmapped, and an arena's free top
// beyond 8 MiB is returned (bench/RESULTS.md, "Sync benchmark": idle RSS and intake measured).
void bound_retained_heap() {
  mallopt(M_MMAP_THRESHOLD, 4 << 20);
  mallopt(M_TRIM_THRESHOLD, 8 << 20);
}

int run_daemon(const std::string& path, bool once) {
  refuse_core_dumps();  // before any secret is read
  bound_retained_heap();
  auto loaded = load_config_file(path, SecretEnvironment::from_process());
  if (!loaded) {
    for (const ConfigError& e : loaded.error())
      std::cerr << path << ": " << format(e) << "\n";
    return k_exit_config;
  }
  register_secrets(*loaded);
  setup_logging(loaded->log);
  SignalWaiter signals;  // before any thread starts
  SystemClock clock;
  try {
    Daemon daemon(path, std::move(*loaded), clock);
    if (once) {
      const int code = daemon.run_cycle();  // 3: an access could not be reached at all
      std::cout << render_status_summary(daemon.store());
      return code;
    }
    const int code = daemon.run(signals);
    spdlog::info("STOPPED cleanly");
    return code;
  } catch (const std::exception& e) {
    spdlog::critical("FATAL {}", e.what());
    return k_exit_failure;
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"kautiond - rent deposit bank synchronisation daemon"};
  std::string config_path;
  std::string check_path;
  bool once = false;
  bool version = false;
  app.add_option("-c,--config", config_path, "Config file (JSON with comments)");
  app.add_option("--check-config", check_path,
                 "Check the config file and exit: 0 valid, 2 invalid (every error listed)");
  app.add_flag("--once", once,
               "Run one full cycle, print the status summary and exit: 0 when the cycle ran, "
               "3 when an access could not be reached");
  app.add_flag("--version", version, "Print the version and exit");
  CLI11_PARSE(app, argc, argv);

  if (version) {
    std::cout << "kautiond " << KAUTION_VERSION << "\n";
    return k_exit_ok;
  }
  if (!check_path.empty()) return check_config(check_path);
  if (config_path.empty()) {
    std::cerr << "kautiond: --config FILE is required (see --help)\n";
    return k_exit_config;
  }
  return run_daemon(config_path, once);
}
