#include "daemon/logging.hpp"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "core/redact.hpp"
#include "daemon/log_sink.hpp"

namespace kaution {

std::string RedactingSink::render(const spdlog::details::log_msg& msg) const {
  const std::string text =
      Redactor::global().scrub(std::string_view(msg.payload.data(), msg.payload.size()));
  const std::string level(spdlog::level::to_string_view(msg.level).data(),
                          spdlog::level::to_string_view(msg.level).size());
  const std::string time = to_rfc3339(std::chrono::time_point_cast<TimePoint::duration>(msg.time));
  if (m_format == LogFormat::json) {
    nlohmann::json line{{"time", time}, {"level", level}, {"msg", text}};
    return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  }
  return time + " " + level + " " + text + "\n";
}

void RedactingSink::sink_it_(const spdlog::details::log_msg& msg) {
  const std::string line = render(msg);
  std::fwrite(line.data(), 1, line.size(), m_out);
}

void setup_logging(LogLevel level, LogFormat format) {
  auto sink = std::make_shared<RedactingSink>(stderr, format);
  auto logger = std::make_shared<spdlog::logger>("kautiond", sink);
  logger->set_level(spdlog::level::from_str(std::string(to_string(level))));
  logger->flush_on(spdlog::level::trace);
  spdlog::set_default_logger(logger);
}

}  // namespace kaution
