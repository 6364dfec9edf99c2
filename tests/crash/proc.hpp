#pragma once
// Crash harness: child processes whose stdout and stderr are appended to one log file, killed
// with SIGKILL or stopped with SIGTERM, and a watcher over the part of a log one run wrote.

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace kaution::crash {

class Proc {
 public:
  Proc(const std::vector<std::string>& argv, const std::filesystem::path& log,
       const std::map<std::string, std::string>& env);
  ~Proc();  // SIGKILL if still running
  Proc(const Proc&) = delete;
  Proc& operator=(const Proc&) = delete;

  pid_t pid() const { return m_pid; }
  bool running();
  void kill9();
  // SIGTERM, then the exit code (-1: by a signal, or killed after `grace`).
  int terminate(std::chrono::milliseconds grace);
  // The exit code once it exits; -1 for a signal, or killed after `timeout`.
  int wait(std::chrono::milliseconds timeout);

 private:
  pid_t m_pid = -1;
  bool m_reaped = false;
  int m_status = 0;
};

// What a process wrote to its log since `offset` (its start).
class LogWatch {
 public:
  LogWatch(std::filesystem::path log, std::uintmax_t offset)
      : m_log(std::move(log)), m_offset(offset) {}
  std::string text() const;
  // Waits until `needle` appears; false after `timeout`.
  bool wait_for(const std::string& needle, std::chrono::milliseconds timeout) const;

 private:
  std::filesystem::path m_log;
  std::uintmax_t m_offset;
};

std::uintmax_t file_size_or_zero(const std::filesystem::path& path);

}  // namespace kaution::crash
