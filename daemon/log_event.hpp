#pragma once
// The structure of a decision's log line: `EVENT key=value key="quoted value" … free text`.
// The event name is the leading upper-case word (EXPORT_REJECTED); fields are the key=value
// pairs after it (keys [a-z0-9_], values bare up to a space or quoted up to a quote followed by
// a space or the end). The JSON and journald outputs carry these as fields of their own; the
// text output is the line itself. Stable event names: daemon/README.md.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kaution {

struct LogEvent {
  std::string event;  // empty when the line does not start with an event name
  std::vector<std::pair<std::string, std::string>> fields;
};

LogEvent parse_log_event(std::string_view line);

// A field name as journald takes it: KAUTIOND_ + upper case, other characters as '_'.
std::string journal_field_name(std::string_view key);

}  // namespace kaution
