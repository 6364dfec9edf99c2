#include "tests/crash/intake.hpp"

#include <fstream>

#include "tests/crash/proc.hpp"

namespace kaution::crash {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

// The NDJSON portfolio split into files of `part_size` lines beside it.
std::vector<fs::path> split(const fs::path& portfolio, std::size_t part_size) {
  std::ifstream in(portfolio);
  std::vector<fs::path> parts;
  std::ofstream out;
  std::size_t lines = 0;
  for (std::string line; std::getline(in, line); ++lines) {
    if (lines % part_size == 0) {
      parts.push_back(portfolio.parent_path() /
                      (portfolio.stem().string() + "-" + std::to_string(parts.size()) + ".ndjson"));
      out = std::ofstream(parts.back(), std::ios::trunc);
    }
    out << line << "\n";
  }
  return parts;
}

}  // namespace

Intake::Intake(std::vector<std::string> ctl, const fs::path& portfolio, std::size_t part_size,
               std::map<std::string, std::string> env, fs::path log)
    : m_ctl(std::move(ctl)),
      m_parts(split(portfolio, part_size)),
      m_env(std::move(env)),
      m_log(std::move(log)),
      m_thread([this] { loop(); }) {}

Intake::~Intake() {
  m_stop = true;
  m_thread.join();
}

void Intake::loop() {
  for (const fs::path& part : m_parts) {
    while (!m_stop && !import_part(part))
      std::this_thread::sleep_for(100ms);
    if (m_stop) return;
  }
  m_done = true;
}

// One kautionctl run; true when it imported the whole part.
bool Intake::import_part(const fs::path& part) {
  std::vector<std::string> argv = m_ctl;
  argv.push_back(part);
  Proc ctl(argv, m_log, m_env);
  while (ctl.running()) {
    if (m_stop) return false;  // the destructor kills it
    std::this_thread::sleep_for(5ms);
  }
  return ctl.wait(1s) == 0;
}

}  // namespace kaution::crash
