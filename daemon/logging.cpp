#include "daemon/logging.hpp"

#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <systemd/sd-journal.h>

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "core/clock.hpp"
#include "core/mask.hpp"
#include "core/redact.hpp"
#include "daemon/log_event.hpp"
#include "daemon/log_sink.hpp"

namespace kaution {
namespace {

// A text line stays one line: control characters become escapes.
std::string one_line(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else if (c == '\t')
      out += "\\t";
    else if (static_cast<unsigned char>(c) < 0x20)
      out += '?';
    else
      out += c;
  }
  return out;
}

int syslog_priority(spdlog::level::level_enum level) {
  switch (level) {
    case spdlog::level::critical:
      return 2;
    case spdlog::level::err:
      return 3;
    case spdlog::level::warn:
      return 4;
    case spdlog::level::info:
      return 6;
    default:
      return 7;
  }
}

std::string level_name(spdlog::level::level_enum level) {
  const auto name = spdlog::level::to_string_view(level);
  return std::string(name.data(), name.size());
}

}  // namespace

std::string RedactingSink::clean_text(const spdlog::details::log_msg& msg) const {
  std::string text =
      Redactor::global().scrub(std::string_view(msg.payload.data(), msg.payload.size()));
  return m_options.mask_personal ? mask_personal(text) : text;
}

std::string RedactingSink::render(const spdlog::details::log_msg& msg) const {
  const std::string text = clean_text(msg);
  const std::string level = level_name(msg.level);
  const std::string time = to_rfc3339(std::chrono::time_point_cast<TimePoint::duration>(msg.time));
  if (m_options.format == LogFormat::json) {
    nlohmann::ordered_json line{{"time", time}, {"level", level}};
    const LogEvent event = parse_log_event(text);
    if (!event.event.empty()) line["event"] = event.event;
    for (const auto& [key, value] : event.fields)
      if (!line.contains(key) && key != "msg") line[key] = value;
    line["msg"] = text;
    return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  }
  return time + " " + level + " " + one_line(text) + "\n";
}

std::vector<std::string> RedactingSink::journal_fields(const spdlog::details::log_msg& msg) const {
  const std::string text = clean_text(msg);
  std::vector<std::string> fields{"MESSAGE=" + text,
                                  "PRIORITY=" + std::to_string(syslog_priority(msg.level)),
                                  "SYSLOG_IDENTIFIER=kautiond"};
  const LogEvent event = parse_log_event(text);
  if (!event.event.empty()) fields.push_back("KAUTIOND_EVENT=" + event.event);
  for (const auto& [key, value] : event.fields)
    fields.push_back(journal_field_name(key) + "=" + value);
  return fields;
}

void RedactingSink::sink_it_(const spdlog::details::log_msg& msg) {
  if (m_options.journal) {
    const std::vector<std::string> fields = journal_fields(msg);
    std::vector<iovec> iov;
    for (const std::string& f : fields)
      iov.push_back({const_cast<char*>(f.data()), f.size()});
    if (sd_journal_sendv(iov.data(), static_cast<int>(iov.size())) >= 0) return;
  }
  const std::string line = render(msg);  // also when journald refused the record
  std::fwrite(line.data(), 1, line.size(), m_out);
}

bool stderr_is_journal() {
  const char* stream = std::getenv("JOURNAL_STREAM");
  if (stream == nullptr) return false;
  unsigned long long device = 0;
  unsigned long long inode = 0;
  if (std::sscanf(stream, "%llu:%llu", &device, &inode) != 2) return false;
  struct stat st {};
  if (fstat(2, &st) != 0) return false;
  return st.st_dev == device && st.st_ino == inode;
}

void setup_logging(const LogConfig& config) {
  const LogOptions options{config.format, !config.debug_archive, stderr_is_journal()};
  auto sink = std::make_shared<RedactingSink>(stderr, options);
  auto logger = std::make_shared<spdlog::logger>("kautiond", sink);
  logger->set_level(spdlog::level::from_str(std::string(to_string(config.level))));
  logger->flush_on(spdlog::level::trace);
  spdlog::set_default_logger(logger);
}

void setup_logging(LogLevel level, LogFormat format) {
  setup_logging(LogConfig{level, format, false});
}

}  // namespace kaution
