#include "daemon/summary.hpp"

#include <fmt/format.h>

#include <map>

namespace kaution {
namespace {

std::string when(const std::optional<TimePoint>& t) {
  return t ? to_rfc3339(*t) : "never";
}

}  // namespace

std::string render_status_summary(Store& store) {
  std::map<std::pair<std::string, std::string>, std::map<std::string, std::int64_t>> rows;
  std::int64_t total = 0;
  for (const StatusCount& c : store.status_counts()) {
    rows[{c.connector, c.access}][c.status ? std::string(to_string(*c.status)) : "underived"] +=
        c.count;
    total += c.count;
  }
  std::string out = fmt::format("deposits: {}\n", total);
  for (const auto& [key, counts] : rows) {
    std::string line;
    for (const auto& [status, n] : counts)
      line += fmt::format(" {}={}", status, n);
    out += fmt::format("  {:<4} {:<16}{}\n", key.first, key.second, line);
  }
  for (const AccessState& a : store.access_states()) {
    out += fmt::format("access {}: last export {}, last import {}{}\n", a.access,
                       when(a.last_export_ok_at), when(a.last_import_ok_at),
                       a.credentials_refused ? ", PAUSED: credentials refused" : "");
  }
  return out;
}

}  // namespace kaution
