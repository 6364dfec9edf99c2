// kaution-crash: the crash harness (README.md). Exit 0 when nothing was lost, doubled or left in
// a wrong status; 1 otherwise; 2 for a bad command line.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <iostream>
#include <random>

#include "core/clock.hpp"
#include "tests/crash/harness.hpp"

namespace {

namespace fs = std::filesystem;
using kaution::crash::Options;

void define(CLI::App& app, Options& o, std::string& work, bool& keep) {
  app.add_option("--kills", o.kills, "SIGKILLs of kautiond")->capture_default_str();
  app.add_option("--sandbox-kills", o.sandbox_kills, "SIGKILLs of kautiond-sandbox")
      ->capture_default_str();
  app.add_option("--size", o.size, "deposits per bank")->capture_default_str();
  app.add_option("--days", o.days, "simulated days to advance")->capture_default_str();
  app.add_option("--extra", o.extra, "extra payments per bank and day")->capture_default_str();
  app.add_option("--seed", o.seed, "data set and kill moments")->capture_default_str();
  app.add_option("--today", o.today, "the sandbox's start date (default: today in Berlin)");
  app.add_option("--max-delay-ms", o.max_delay_ms, "longest random delay before a kill")
      ->capture_default_str();
  app.add_option("--min-bookings", o.min_bookings, "fail unless the banks booked this many")
      ->capture_default_str();
  app.add_option("--timeout", o.timeout_s, "seconds for the whole run")->capture_default_str();
  app.add_option("--bin-dir", o.bin_dir, "build directory")->capture_default_str();
  app.add_option("--work", work, "work directory (default: a temporary one)");
  app.add_flag("--keep", keep, "keep the work directory after a passing run");
}

fs::path temp_work_dir() {
  std::random_device rd;
  for (;;) {
    const fs::path p = fs::temp_directory_path() / fmt::format("kaution-crash-{:08x}", rd());
    if (fs::create_directory(p)) return p;
  }
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  o.bin_dir = KAUTION_BINARY_DIR;
  o.source_dir = KAUTION_SOURCE_DIR;
  std::string work;
  bool keep = false;
  CLI::App app{"kaution-crash: kautiond killed with SIGKILL at random moments"};
  define(app, o, work, keep);
  CLI11_PARSE(app, argc, argv);
  if (o.today.empty()) o.today = kaution::today(kaution::SystemClock{}).to_string();
  o.work_dir = work.empty() ? temp_work_dir() : fs::path(work);
  std::cerr << fmt::format("crash: work directory {}, seed {}, {} deposits per bank, {} days\n",
                           o.work_dir.string(), o.seed, o.size, o.days);
  kaution::crash::Outcome out;
  try {
    out = kaution::crash::run(o);
  } catch (const std::exception& e) {
    std::cerr << "crash: FAILED: " << e.what() << "\n";
    return 1;
  }
  std::string moments;
  for (const auto& [event, count] : out.kill_moments)
    moments += fmt::format(" {}={}", event, count);
  std::cerr << fmt::format(
      "crash: {}: {} kills of kautiond, {} of the sandbox, {} deposits, {} bookings, {:.0f} s\n"
      "crash: last log event before each kill:{}\n",
      out.passed ? "PASSED" : "FAILED", out.kills, out.sandbox_kills, out.deposits, out.bookings,
      out.seconds, moments);
  if (out.passed && work.empty() && !keep) fs::remove_all(o.work_dir);
  return out.passed ? 0 : 1;
}
