#pragma once
// kautionctl's command line (CLI11): every command of ledger-api.md plus `statement parse` and
// `deposits import`, global connection options, exit codes 0 ok / 1 refused / 2 usage or
// connection. kautionctl_main.cpp only hands over the process's streams.

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "daemon/ctl/api_client.hpp"
#include "daemon/ctl/connection.hpp"

namespace kaution::ctl {

using ClientFactory = std::function<std::unique_ptr<ApiClient>(const ClientOptions& options)>;

struct CliEnvironment {
  std::istream& in;  // for `deposits put -`
  std::ostream& out;
  std::ostream& err;
  GetEnv getenv;                 // KAUTIONCTL_TOKEN
  bool err_is_terminal = false;  // progress bar on `err` when true
  ClientFactory make_client;     // empty: CurlApiClient
  std::string version;           // for --version
};

// `args` without the program name. The exit code.
int run_cli(const std::vector<std::string>& args, const CliEnvironment& env);

// run_cli on the process: its streams and environment, libcurl set up and torn down.
int run_process(int argc, char** argv, const std::string& version);

}  // namespace kaution::ctl
