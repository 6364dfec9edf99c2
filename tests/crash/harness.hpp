#pragma once
// The crash harness (tests/crash/README.md): kautiond-sandbox and kautiond on loopback in a
// work directory; the sandbox's portfolio loaded with `kautionctl deposits import`; the
// sandbox's days advanced; kautiond killed with SIGKILL at random moments (and the sandbox, with
// --sandbox-kills) and restarted each time; then one last clean sync and the checks of
// verify.hpp.

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

namespace kaution::crash {

struct Options {
  int kills = 20;                 // SIGKILLs of kautiond
  int sandbox_kills = 0;          // SIGKILLs of kautiond-sandbox
  std::size_t size = 50;          // deposits per bank
  int days = 30;                  // simulated days to advance
  std::size_t extra = 0;          // extra payments per bank and day (/_control/bookings)
  std::uint64_t seed = 1;         // data set and kill moments
  std::string today;              // the sandbox's start date; empty: today in Berlin
  int max_delay_ms = 2500;        // longest random delay before a kill
  std::int64_t min_bookings = 0;  // fail unless the banks booked at least this many
  int timeout_s = 900;            // the whole run
  std::filesystem::path bin_dir;  // holds daemon/ and connectors/sandbox/
  std::filesystem::path source_dir;
  std::filesystem::path work_dir;  // empty: a temporary one, removed after a passing run
};

struct Outcome {
  bool passed = false;
  int kills = 0;
  int sandbox_kills = 0;
  std::map<std::string, int> kill_moments;  // the daemon's last log event before each kill
  std::int64_t deposits = 0;
  std::int64_t bookings = 0;
  double seconds = 0;
};

// Runs the whole scenario; prints progress and failures on stderr.
Outcome run(const Options& options);

}  // namespace kaution::crash
