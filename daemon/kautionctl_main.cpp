// kautionctl: the command line for operators and support staff.

#include <CLI/CLI.hpp>

#include <iostream>

#include "daemon/version.hpp"

int main(int argc, char** argv) {
  CLI::App app{"kautionctl - operate kautiond"};
  app.require_subcommand(0, 1);
  bool version = false;
  app.add_flag("--version", version, "Print the version and exit");
  CLI11_PARSE(app, argc, argv);
  if (version) {
    std::cout << "kautionctl " << KAUTION_VERSION << "\n";
    return 0;
  }
  std::cout << app.help();
  return 0;
}
