#pragma once
// Test support: run a program of ours as a child process, with bounded waits.

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace kaution::test {

struct RunResult {
  int exit_code = -1;  // -1 when killed by a signal or timed out
  std::string out;     // standard output
  std::string err;     // standard error
};

// Starts `argv` with extra environment variables, its stdout and stderr to files (appended to
// or truncated); the child's pid.
pid_t spawn(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
            const std::filesystem::path& out, const std::filesystem::path& err, bool append);

// Runs `argv` to completion (killed after `timeout`), with extra environment variables.
RunResult run(const std::vector<std::string>& argv,
              const std::map<std::string, std::string>& env = {},
              std::chrono::seconds timeout = std::chrono::seconds{60});

// A child that keeps running; its stdout and stderr go to files in a temp directory.
class Child {
 public:
  Child(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {});
  ~Child();  // kills the child if it is still running
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  // Waits until `needle` appears in stderr or stdout; false after `timeout`.
  bool wait_for_output(const std::string& needle, std::chrono::milliseconds timeout) const;
  void signal(int sig) const;
  // Waits for the exit; returns the exit code, or -1 (signal or timeout: then it is killed).
  int wait_exit(std::chrono::milliseconds timeout);
  std::string output() const;  // stdout + stderr so far
  pid_t pid() const { return m_pid; }

 private:
  pid_t m_pid = -1;
  std::filesystem::path m_dir;
  bool m_exited = false;
};

// A fresh temporary directory, removed when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path write(
      const std::string& name, const std::string& content,
      std::filesystem::perms perms = std::filesystem::perms::owner_read |
                                     std::filesystem::perms::owner_write) const;

 private:
  std::filesystem::path m_path;
};

std::string read_file(const std::filesystem::path& path);
// The path of one of our executables in the build tree.
std::string binary(const std::string& name);

}  // namespace kaution::test
