// kautiond under a systemd-like supervisor: NOTIFY_SOCKET receives READY=1, WATCHDOG=1 (with
// WATCHDOG_USEC set) and STOPPING=1, and RELOADING=1 around a SIGHUP.
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <poll.h>
#include <csignal>

#include "tests/support/process.hpp"

namespace kaution::test {
namespace {

using namespace std::chrono_literals;

// A datagram socket standing in for systemd's notify socket.
class NotifySocket {
 public:
  explicit NotifySocket(const std::filesystem::path& path) : m_path(path) {
    m_fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", path.c_str());
    if (bind(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
      throw std::runtime_error("bind notify socket");
  }
  ~NotifySocket() { close(m_fd); }

  // Collects datagrams until one contains `needle` or the time runs out.
  bool wait_for(const std::string& needle, std::chrono::milliseconds timeout) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < until) {
      if (m_seen.find(needle) != std::string::npos) return true;
      pollfd p{m_fd, POLLIN, 0};
      if (poll(&p, 1, 50) <= 0) continue;
      char buffer[4096];
      const ssize_t n = recv(m_fd, buffer, sizeof buffer, 0);
      if (n > 0) m_seen.append(buffer, static_cast<std::size_t>(n)).append("\n");
    }
    return m_seen.find(needle) != std::string::npos;
  }
  const std::string& seen() const { return m_seen; }

 private:
  std::filesystem::path m_path;
  int m_fd = -1;
  std::string m_seen;
};

TEST(KautiondNotify, ReadyWatchdogReloadingStopping) {
  TempDir dir;
  NotifySocket notify(dir.path() / "notify.sock");
  const auto config = dir.write("k.json", R"({
    "store": {"path": ")" + (dir.path() / "store.db").string() +
                                              R"("},
    "api": {"socket": ")" + (dir.path() / "api.sock").string() +
                                              R"(",
            "tokens": [{"name": "erp", "role": "ledger", "token": "notify-test-token"}]},
    "accesses": [{"name": "aak-main", "connector": "aak", "base_url": "https://127.0.0.1:1"}]
  })");
  Child daemon(
      {binary("kautiond"), "--config", config.string()},
      {{"NOTIFY_SOCKET", (dir.path() / "notify.sock").string()}, {"WATCHDOG_USEC", "400000"}});
  ASSERT_TRUE(notify.wait_for("READY=1", 20s)) << daemon.output();
  ASSERT_TRUE(notify.wait_for("WATCHDOG=1", 5s)) << notify.seen();
  daemon.signal(SIGHUP);
  ASSERT_TRUE(notify.wait_for("RELOADING=1", 10s)) << notify.seen();
  daemon.signal(SIGTERM);
  ASSERT_TRUE(notify.wait_for("STOPPING=1", 10s)) << notify.seen();
  EXPECT_EQ(daemon.wait_exit(20s), 0) << daemon.output();
}

}  // namespace
}  // namespace kaution::test
