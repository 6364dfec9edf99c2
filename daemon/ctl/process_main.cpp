#include <curl/curl.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "daemon/ctl/cli.hpp"

namespace kaution::ctl {

int run_process(int argc, char** argv, const std::string& version) {
  curl_global_init(CURL_GLOBAL_DEFAULT);
  const CliEnvironment env{.in = std::cin,
                           .out = std::cout,
                           .err = std::cerr,
                           .getenv = [](const std::string& name) -> std::optional<std::string> {
                             const char* value = std::getenv(name.c_str());
                             if (value == nullptr) return std::nullopt;
                             return std::string(value);
                           },
                           .err_is_terminal = isatty(STDERR_FILENO) == 1,
                           .make_client = {},
                           .version = version};
  const int code = run_cli({argv + 1, argv + argc}, env);
  std::cout.flush();
  curl_global_cleanup();
  return code;
}

}  // namespace kaution::ctl
