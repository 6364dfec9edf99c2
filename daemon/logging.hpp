#pragma once
// Logging: spdlog to stderr, as text or JSON lines, or to journald with structured fields when
// stderr is the journal's stream (systemd). Every line passes the global Redactor first, so a
// registered secret never reaches the log; personal data is masked unless the debug archive is
// on. One line per decision, led by a stable event name (daemon/README.md).

#include "config/config.hpp"

namespace kaution {

// Installs the default logger.
void setup_logging(const LogConfig& config);
void setup_logging(LogLevel level, LogFormat format);

}  // namespace kaution
