#pragma once
// A spdlog sink that scrubs secrets (Redactor), masks personal data unless the debug archive
// is on (core/mask.hpp), and writes one record per line as text or a JSON object — or, when
// stderr is the systemd journal's stream, sends it to journald with the event and its fields
// as journal fields (KAUTIOND_EVENT, KAUTIOND_DEPOSIT, …).

#include <spdlog/sinks/base_sink.h>

#include <cstdio>
#include <mutex>
#include <string>
#include <vector>

#include "daemon/logging.hpp"

namespace kaution {

struct LogOptions {
  LogFormat format = LogFormat::text;
  bool mask_personal = true;  // false only with log.debug_archive
  bool journal = false;       // sd_journal_send instead of writing to the stream
};

class RedactingSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  RedactingSink(std::FILE* out, LogOptions options) : m_out(out), m_options(options) {}
  RedactingSink(std::FILE* out, LogFormat format) : RedactingSink(out, LogOptions{format}) {}
  // The formatted line for `msg` (without writing it); exposed for tests.
  std::string render(const spdlog::details::log_msg& msg) const;
  // The journal fields for `msg` ("MESSAGE=…", "PRIORITY=…", "KAUTIOND_EVENT=…", …).
  std::vector<std::string> journal_fields(const spdlog::details::log_msg& msg) const;

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override;
  void flush_() override { std::fflush(m_out); }

 private:
  // The payload with secrets scrubbed and personal data masked.
  std::string clean_text(const spdlog::details::log_msg& msg) const;

  std::FILE* m_out;
  LogOptions m_options;
};

// Whether stderr is connected to the journal: $JOURNAL_STREAM ("device:inode") names it.
bool stderr_is_journal();

}  // namespace kaution
