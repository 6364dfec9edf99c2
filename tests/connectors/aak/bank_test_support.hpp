#pragma once
// Test support for the aak and dkb connector tests: request targets taken apart, and an
// access pointing at a ScriptedServer.

#include <algorithm>
#include <map>
#include <string>
#include <string_view>

#include "config/config.hpp"

namespace kaution::test {

struct Target {
  std::string path;                          // percent-decoded
  std::map<std::string, std::string> query;  // names and values percent-decoded
};

inline std::string percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

inline Target parse_target(std::string_view target) {
  Target out;
  const std::size_t question = target.find('?');
  out.path = percent_decode(target.substr(0, question));
  if (question == std::string_view::npos) return out;
  std::string_view rest = target.substr(question + 1);
  while (!rest.empty()) {
    const std::string_view pair = rest.substr(0, rest.find('&'));
    rest.remove_prefix(std::min(rest.size(), pair.size() + 1));
    const std::size_t eq = pair.find('=');
    out.query[percent_decode(pair.substr(0, eq))] =
        eq == std::string_view::npos ? "" : percent_decode(pair.substr(eq + 1));
  }
  return out;
}

// An access of `kind` at `base_url` with client id "client-1" and `secret`, short timeouts
// and no rate limit.
inline AccessConfig test_access(ConnectorKind kind, const std::string& base_url,
                                const std::string& secret) {
  AccessConfig access;
  access.name = kind == ConnectorKind::dkb ? "dkb-test" : "aak-test";
  access.connector = kind;
  access.base_url = base_url;
  access.username = "client-1";
  access.password = SecretSetting{SecretRef{}, Secret(secret)};
  access.timeouts.connect_ms = 2000;
  access.timeouts.total_ms = 10000;
  access.limits.requests_per_second = 0;
  return access;
}

}  // namespace kaution::test
