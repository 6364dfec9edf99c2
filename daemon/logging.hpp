#pragma once
// Logging: spdlog to stderr (journald takes it from there), as text or JSON lines. Every line
// passes the global Redactor first, so a registered secret never reaches the log.

#include "config/config.hpp"

namespace kaution {

// Installs the default logger.
void setup_logging(LogLevel level, LogFormat format);

}  // namespace kaution
