// kautionctl: the command line for operators and support staff. Thin: the commands are in
// daemon/ctl (kaution_ctl, see cli.hpp).

#include "daemon/ctl/cli.hpp"
#include "daemon/version.hpp"

int main(int argc, char** argv) {
  return kaution::ctl::run_process(argc, argv, KAUTION_VERSION);
}
