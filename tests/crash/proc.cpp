#include "tests/crash/proc.hpp"

#include "tests/support/process.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <stdexcept>
#include <thread>

namespace kaution::crash {

using namespace std::chrono_literals;

Proc::Proc(const std::vector<std::string>& argv, const std::filesystem::path& log,
           const std::map<std::string, std::string>& env) {
  m_pid = test::spawn(argv, env, log, log, true);
}

Proc::~Proc() {
  if (running()) kill9();
}

bool Proc::running() {
  if (m_reaped) return false;
  if (waitpid(m_pid, &m_status, WNOHANG) == m_pid) m_reaped = true;
  return !m_reaped;
}

void Proc::kill9() {
  if (m_reaped) return;
  ::kill(m_pid, SIGKILL);
  waitpid(m_pid, &m_status, 0);
  m_reaped = true;
}

int Proc::wait(std::chrono::milliseconds timeout) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  while (running()) {
    if (std::chrono::steady_clock::now() >= until) {
      kill9();
      return -1;
    }
    std::this_thread::sleep_for(5ms);
  }
  return WIFEXITED(m_status) ? WEXITSTATUS(m_status) : -1;
}

int Proc::terminate(std::chrono::milliseconds grace) {
  if (!m_reaped) ::kill(m_pid, SIGTERM);
  return wait(grace);
}

std::uintmax_t file_size_or_zero(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  return ec ? 0 : size;
}

std::string LogWatch::text() const {
  std::ifstream in(m_log, std::ios::binary);
  in.seekg(static_cast<std::streamoff>(m_offset));
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

bool LogWatch::wait_for(const std::string& needle, std::chrono::milliseconds timeout) const {
  const auto until = std::chrono::steady_clock::now() + timeout;
  std::uintmax_t from = m_offset;
  std::string tail;
  for (;;) {
    std::ifstream in(m_log, std::ios::binary);
    in.seekg(static_cast<std::streamoff>(from));
    std::string more{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    from += more.size();
    tail += more;
    if (tail.find(needle) != std::string::npos) return true;
    if (tail.size() > needle.size()) tail.erase(0, tail.size() - needle.size());
    if (std::chrono::steady_clock::now() >= until) return false;
    std::this_thread::sleep_for(200us);
  }
}

}  // namespace kaution::crash
