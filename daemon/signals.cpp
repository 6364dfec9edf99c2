#include "daemon/signals.hpp"

#include <cerrno>
#include <csignal>
#include <ctime>

namespace kaution {
namespace {

sigset_t handled_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGHUP);
  return set;
}

}  // namespace

SignalWaiter::SignalWaiter() {
  const sigset_t set = handled_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

SignalWaiter::~SignalWaiter() {
  const sigset_t set = handled_signals();
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
}

SignalEvent SignalWaiter::wait(std::chrono::milliseconds timeout) const {
  const sigset_t set = handled_signals();
  const auto secs = std::chrono::duration_cast<std::chrono::seconds>(timeout);
  timespec ts{};
  ts.tv_sec = static_cast<time_t>(secs.count());
  ts.tv_nsec = static_cast<long>((timeout - secs).count()) * 1'000'000L;
  for (;;) {
    const int sig = sigtimedwait(&set, nullptr, &ts);
    if (sig == SIGHUP) return SignalEvent::reload;
    if (sig == SIGTERM || sig == SIGINT) return SignalEvent::stop;
    if (sig < 0 && errno == EINTR) continue;
    return SignalEvent::none;
  }
}

}  // namespace kaution
