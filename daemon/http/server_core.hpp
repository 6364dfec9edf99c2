#pragma once
// What the listeners of one server share: the dispatcher, the number of requests in flight
// (from the request line to the end of the answer) and whether the server is draining.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <vector>

#include "daemon/http/dispatcher.hpp"

namespace kaution::http {

class ServerCore {
 public:
  ServerCore(Router router, const std::vector<ApiToken>& tokens, std::size_t max_body_bytes,
             ReadinessCheck readiness, bool public_authorization = false)
      : m_dispatcher(std::move(router), tokens, max_body_bytes, std::move(readiness),
                     public_authorization) {}

  Dispatcher& dispatcher() { return m_dispatcher; }
  void request_started();
  void request_finished();
  // Answers from now on close their connection, so that keep-alive clients go away.
  void start_draining();
  bool draining() const;
  // Waits until no request is in flight; false when `grace` ran out first.
  bool wait_idle(std::chrono::milliseconds grace);

 private:
  Dispatcher m_dispatcher;
  mutable std::mutex m_mutex;
  std::condition_variable m_idle;
  std::size_t m_in_flight = 0;
  bool m_draining = false;
};

}  // namespace kaution::http
