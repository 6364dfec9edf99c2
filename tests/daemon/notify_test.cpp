// kautiond under a systemd-like supervisor: NOTIFY_SOCKET receives READY=1, WATCHDOG=1 (with
// WATCHDOG_USEC set) and STOPPING=1, and RELOADING=1 followed by READY=1 around a SIGHUP.
//
// Robust under load (it once failed in a loaded full-suite run): sd_notify() sends with a
// blocking sendmsg(), and a Unix datagram socket queues at most net.unix.max_dgram_qlen
// datagrams (10 on Debian's default) — a test that reads only while it waits for a message
// makes the daemon's main loop block in sd_notify (WATCHDOG=1 every 200 ms) whenever the test
// is descheduled, delaying its answer to signals past the waits. Here a thread drains the
// socket all the time, the messages are checked in order, and the bounds are those of a
// machine whose two cores run many ASan programs at once (waits, not timed assertions).
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <poll.h>
#include <atomic>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <thread>
#include <vector>

#include "tests/support/process.hpp"

namespace kaution::test {
namespace {

using namespace std::chrono_literals;

// A datagram socket standing in for systemd's notify socket, drained by its own thread.
class NotifySocket {
 public:
  explicit NotifySocket(const std::filesystem::path& path) {
    m_fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", path.c_str());
    if (bind(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
      throw std::runtime_error("bind notify socket");
    m_reader = std::thread([this] { drain(); });
  }
  ~NotifySocket() {
    m_stop = true;
    m_reader.join();
    close(m_fd);
  }

  // Waits until a message containing `needle` arrived after the first `from` messages; its
  // index, or -1 after `timeout`.
  int wait_for(const std::string& needle, std::size_t from, std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_mutex);
    int found = -1;
    m_arrived.wait_for(lock, timeout, [&] {
      for (std::size_t i = from; i < m_messages.size(); ++i)
        if (m_messages[i].find(needle) != std::string::npos) {
          found = static_cast<int>(i);
          return true;
        }
      return false;
    });
    return found;
  }
  std::string seen() const {
    std::lock_guard lock(m_mutex);
    std::string all;
    for (const std::string& m : m_messages)
      all += m + "\n";
    return all;
  }

 private:
  void drain() {
    while (!m_stop) {
      pollfd p{m_fd, POLLIN, 0};
      if (poll(&p, 1, 50) <= 0) continue;
      char buffer[4096];
      const ssize_t n = recv(m_fd, buffer, sizeof buffer, 0);
      if (n <= 0) continue;
      {
        std::lock_guard lock(m_mutex);
        m_messages.emplace_back(buffer, static_cast<std::size_t>(n));
      }
      m_arrived.notify_all();
    }
  }

  int m_fd = -1;
  std::atomic<bool> m_stop{false};
  mutable std::mutex m_mutex;
  std::condition_variable m_arrived;
  std::vector<std::string> m_messages;
  std::thread m_reader;
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
  const int ready = notify.wait_for("READY=1", 0, 120s);
  ASSERT_GE(ready, 0) << daemon.output();
  const int watchdog = notify.wait_for("WATCHDOG=1", static_cast<std::size_t>(ready) + 1, 60s);
  ASSERT_GE(watchdog, 0) << notify.seen();
  daemon.signal(SIGHUP);
  const int reloading = notify.wait_for("RELOADING=1", static_cast<std::size_t>(watchdog) + 1, 60s);
  ASSERT_GE(reloading, 0) << notify.seen() << daemon.output();
  ASSERT_GE(notify.wait_for("READY=1", static_cast<std::size_t>(reloading) + 1, 60s), 0)
      << notify.seen();
  daemon.signal(SIGTERM);
  ASSERT_GE(notify.wait_for("STOPPING=1", static_cast<std::size_t>(reloading) + 1, 60s), 0)
      << notify.seen();
  EXPECT_EQ(daemon.wait_exit(120s), 0) << daemon.output();
}

}  // namespace
}  // namespace kaution::test
