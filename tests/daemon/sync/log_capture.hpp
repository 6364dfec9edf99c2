#pragma once
// LogCapture: while alive, every message of spdlog's default logger (level debug and up) is
// also kept here, for tests that look for the runtime's log events (IMPORT_FAILED, …).

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace kaution::test {

class LogCapture {
 public:
  LogCapture() : m_sink(std::make_shared<Sink>()) {
    spdlog::default_logger()->sinks().push_back(m_sink);
    m_level = spdlog::default_logger()->level();
    spdlog::default_logger()->set_level(spdlog::level::debug);
  }
  ~LogCapture() {
    auto& sinks = spdlog::default_logger()->sinks();
    sinks.erase(std::remove(sinks.begin(), sinks.end(), m_sink), sinks.end());
    spdlog::default_logger()->set_level(m_level);
  }
  LogCapture(const LogCapture&) = delete;
  LogCapture& operator=(const LogCapture&) = delete;

  std::string text() const { return m_sink->text(); }
  bool contains(std::string_view needle) const { return text().find(needle) != std::string::npos; }
  void clear() { m_sink->clear(); }

 private:
  class Sink final : public spdlog::sinks::base_sink<std::mutex> {
   public:
    std::string text() {
      const std::lock_guard lock(mutex_);
      return m_text;
    }
    void clear() {
      const std::lock_guard lock(mutex_);
      m_text.clear();
    }

   protected:
    void sink_it_(const spdlog::details::log_msg& msg) override {
      m_text.append(msg.payload.data(), msg.payload.size());
      m_text += '\n';
    }
    void flush_() override {}

   private:
    std::string m_text;
  };

  std::shared_ptr<Sink> m_sink;
  spdlog::level::level_enum m_level;
};

}  // namespace kaution::test
