#include "tests/support/process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace kaution::test {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

fs::path make_temp_dir() {
  std::random_device rd;
  for (int i = 0; i < 100; ++i) {
    fs::path p = fs::temp_directory_path() / ("kaution-test-" + std::to_string(rd()));
    if (fs::create_directory(p)) return p;
  }
  throw std::runtime_error("cannot create a temp directory");
}

}  // namespace

pid_t spawn(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
            const fs::path& out, const fs::path& err, bool append) {
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid > 0) return pid;
  prctl(PR_SET_PDEATHSIG, SIGKILL);  // a test killed (ctest's timeout) takes its children along
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  const int mode = O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC);
  const int out_fd = open(out.c_str(), mode, 0600);
  const int err_fd = open(err.c_str(), mode, 0600);
  const int null_fd = open("/dev/null", O_RDONLY);
  dup2(null_fd, 0);
  dup2(out_fd, 1);
  dup2(err_fd, 2);
  for (const auto& [k, v] : env)
    setenv(k.c_str(), v.c_str(), 1);
  std::vector<char*> args;
  for (const auto& a : argv)
    args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  execv(args[0], args.data());
  _exit(127);
}

namespace {

int decode(int status) {
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string binary(const std::string& name) {
  return std::string(KAUTION_BINARY_DIR) + "/daemon/" + name;
}

TempDir::TempDir() : m_path(make_temp_dir()) {}
TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(m_path, ec);
}

fs::path TempDir::write(const std::string& name, const std::string& content,
                        fs::perms perms) const {
  const fs::path p = m_path / name;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
  fs::permissions(p, perms);
  return p;
}

Child::Child(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env)
    : m_dir(make_temp_dir()) {
  m_pid = spawn(argv, env, m_dir / "out", m_dir / "err", false);
}

Child::~Child() {
  if (!m_exited && m_pid > 0) {
    kill(m_pid, SIGKILL);
    int status = 0;
    waitpid(m_pid, &status, 0);
  }
  std::error_code ec;
  fs::remove_all(m_dir, ec);
}

std::string Child::output() const {
  return read_file(m_dir / "out") + read_file(m_dir / "err");
}

bool Child::wait_for_output(const std::string& needle, std::chrono::milliseconds timeout) const {
  const auto until = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < until) {
    if (output().find(needle) != std::string::npos) return true;
    std::this_thread::sleep_for(20ms);
  }
  return false;
}

void Child::signal(int sig) const {
  kill(m_pid, sig);
}

int Child::wait_exit(std::chrono::milliseconds timeout) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  int status = 0;
  while (std::chrono::steady_clock::now() < until) {
    if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
      m_exited = true;
      return decode(status);
    }
    std::this_thread::sleep_for(20ms);
  }
  kill(m_pid, SIGKILL);
  waitpid(m_pid, &status, 0);
  m_exited = true;
  return -1;
}

RunResult run(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
              std::chrono::seconds timeout) {
  TempDir dir;
  const pid_t pid = spawn(argv, env, dir.path() / "out", dir.path() / "err", false);
  const auto until = std::chrono::steady_clock::now() + timeout;
  int status = 0;
  RunResult result;
  for (;;) {
    if (waitpid(pid, &status, WNOHANG) == pid) {
      result.exit_code = decode(status);
      break;
    }
    if (std::chrono::steady_clock::now() >= until) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      break;
    }
    std::this_thread::sleep_for(10ms);
  }
  result.out = read_file(dir.path() / "out");
  result.err = read_file(dir.path() / "err");
  return result;
}

}  // namespace kaution::test
