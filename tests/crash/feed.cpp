#include "tests/crash/feed.hpp"

namespace kaution::crash {

using namespace std::chrono_literals;

FeedConsumer::FeedConsumer(Target api) : m_api(std::move(api)), m_thread([this] { loop(); }) {}

FeedConsumer::~FeedConsumer() {
  stop();
}

void FeedConsumer::loop() {
  while (!m_stop) {
    if (!poll()) std::this_thread::sleep_for(20ms);
  }
}

// One page; true when it was full (more may follow at once).
bool FeedConsumer::poll() {
  const std::int64_t after = m_after;
  const Answer page = call(
      m_api, "GET", "/api/v1/bookings?after=" + std::to_string(after) + "&limit=1000", {}, 10s);
  if (page.status != 200) return false;
  const nlohmann::json body = page.json();
  if (body.is_discarded()) return false;
  {
    const std::lock_guard lock(m_mutex);
    for (const auto& b : body.at("bookings"))
      m_seen.insert(b.at("booking_id").get<std::string>());
  }
  m_after = body.at("next_after").get<std::int64_t>();
  return body.at("has_more").get<bool>();
}

bool FeedConsumer::catch_up(std::int64_t seq, std::chrono::milliseconds timeout) {
  const auto until = std::chrono::steady_clock::now() + timeout;
  while (m_after < seq) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(10ms);
  }
  return true;
}

std::set<std::string> FeedConsumer::stop() {
  m_stop = true;
  if (m_thread.joinable()) m_thread.join();
  const std::lock_guard lock(m_mutex);
  return m_seen;
}

}  // namespace kaution::crash
