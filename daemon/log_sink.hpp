#pragma once
// A spdlog sink that scrubs secrets and writes one line per record, as text or a JSON object.

#include <spdlog/sinks/base_sink.h>

#include <cstdio>
#include <mutex>
#include <string>

#include "daemon/logging.hpp"

namespace kaution {

class RedactingSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  RedactingSink(std::FILE* out, LogFormat format) : m_out(out), m_format(format) {}
  // The formatted line for `msg` (without writing it); exposed for tests.
  std::string render(const spdlog::details::log_msg& msg) const;

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override;
  void flush_() override { std::fflush(m_out); }

 private:
  std::FILE* m_out;
  LogFormat m_format;
};

}  // namespace kaution
