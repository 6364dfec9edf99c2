#pragma once
// Crash harness: a ledger handing the portfolio to kautiond on its own thread, in parts of a
// few hundred deposits, each with `kautionctl deposits import` until it succeeds (kautiond may
// die under it at any moment), then the next — so that the intake progresses between kills.

#include <atomic>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace kaution::crash {

class Intake {
 public:
  // ctl: the kautionctl command up to the file ("kautionctl --config C deposits import").
  Intake(std::vector<std::string> ctl, const std::filesystem::path& portfolio,
         std::size_t part_size, std::map<std::string, std::string> env, std::filesystem::path log);
  ~Intake();  // stops, killing a kautionctl under way
  Intake(const Intake&) = delete;
  Intake& operator=(const Intake&) = delete;

  bool done() const { return m_done; }

 private:
  void loop();
  bool import_part(const std::filesystem::path& part);

  std::vector<std::string> m_ctl;
  std::vector<std::filesystem::path> m_parts;
  std::map<std::string, std::string> m_env;
  std::filesystem::path m_log;
  std::atomic<bool> m_done{false};
  std::atomic<bool> m_stop{false};
  std::thread m_thread;
};

}  // namespace kaution::crash
