// Checks across keys. Each one skips a part the walker already found wrong, so that one mistake
// gives one error.

#include <map>

#include "config/build.hpp"
#include "config/formats.hpp"

namespace kaution::config_detail {
namespace {

std::string access_pointer(std::size_t index) {
  return child_pointer("/accesses", index);
}
std::string token_pointer(std::size_t index) {
  return child_pointer("/api/tokens", index);
}

void check_access_names(const Config& config, ErrorList& errors) {
  std::map<std::string, std::size_t> first;
  for (std::size_t i = 0; i < config.accesses.size(); ++i) {
    const std::string& name = config.accesses[i].name;
    if (name.empty()) continue;
    const auto [it, inserted] = first.emplace(name, i);
    if (!inserted) {
      errors.add(access_pointer(i) + "/name", "duplicate access name " + quote_value(name) +
                                                  " (also " + access_pointer(it->second) +
                                                  "/name)");
    }
  }
}

bool same_token(const SecretSetting& a, const SecretSetting& b) {
  if (a.ref.kind != SecretKind::inline_ && a.ref == b.ref) return true;
  return a.value.is_resolved() && b.value.is_resolved() && a.value.reveal() == b.value.reveal();
}

void check_tokens(const Config& config, ErrorList& errors) {
  const auto& tokens = config.api.tokens;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (!tokens[i].name.empty() && tokens[i].name == tokens[j].name) {
        errors.add(token_pointer(i) + "/name", "duplicate token name " +
                                                   quote_value(tokens[i].name) + " (also " +
                                                   token_pointer(j) + "/name)");
      }
      if (same_token(tokens[i].token, tokens[j].token)) {
        errors.add(token_pointer(i) + "/token",
                   "the same token as " + token_pointer(j) + "/token; each token must differ");
      }
    }
  }
}

// `first` and `second` must be given together.
template <typename T>
void check_pair(const std::optional<T>& first, const std::optional<T>& second,
                const std::string& pointer, std::string_view first_name,
                std::string_view second_name, ErrorList& errors) {
  if (first && !second) {
    errors.add(child_pointer(pointer, second_name), "required with " + std::string(first_name));
  } else if (second && !first) {
    errors.add(child_pointer(pointer, first_name), "required with " + std::string(second_name));
  }
}

void check_tcp(const TcpConfig& tcp, ErrorList& errors) {
  const std::string pointer = "/api/tcp";
  if (errors.has_error_at_or_below(pointer)) return;
  check_pair(tcp.tls_cert, tcp.tls_key, pointer, "tls_cert", "tls_key", errors);
  if (tcp.tls_cert || tcp.tls_key) return;
  if (!tcp.insecure_loopback) {
    errors.add(pointer,
               "a TCP listener needs tls_cert and tls_key, or insecure_loopback on a loopback "
               "address");
  } else if (!is_loopback_address(tcp.address)) {
    errors.add(pointer + "/address",
               "insecure_loopback needs a loopback address (127.0.0.1, ::1 "
               "or localhost), got " +
                   quote_value(tcp.address));
  }
}

void check_retry(const RetryConfig& retry, ErrorList& errors) {
  if (errors.has_error_at_or_below("/retry") || retry.cap_seconds >= retry.base_seconds) return;
  errors.add("/retry/cap_seconds", "must be at least base_seconds (" +
                                       std::to_string(retry.base_seconds) + "), got " +
                                       std::to_string(retry.cap_seconds));
}

// Entries of `values` that repeat an earlier one.
template <typename T, typename Key>
void check_unique(const std::vector<T>& values, Key key, const std::string& pointer,
                  std::string_view what, ErrorList& errors) {
  if (errors.has_error_at_or_below(pointer)) return;
  for (std::size_t i = 0; i < values.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (key(values[i]) == key(values[j])) {
        errors.add(child_pointer(pointer, i),
                   "repeats " + child_pointer(pointer, j) + " (" + std::string(what) + ")");
        break;
      }
    }
  }
}

void check_access(const AccessConfig& access, const std::string& pointer, ErrorList& errors) {
  const std::string timeouts = pointer + "/timeouts";
  if (!errors.has_error_at_or_below(timeouts) &&
      access.timeouts.connect_ms > access.timeouts.total_ms) {
    errors.add(timeouts + "/connect_ms",
               "must not exceed total_ms (" + std::to_string(access.timeouts.total_ms) + ")");
  }
  const std::string tls = pointer + "/tls";
  if (!errors.has_error_at_or_below(tls)) {
    check_pair(access.tls.client_cert, access.tls.client_key, tls, "client_cert", "client_key",
               errors);
  }
  if (access.km) {
    check_unique(
        access.km->trust_accounts,
        [](const TrustAccount& a) { return a.iban.str() + ' ' + a.valid_from.to_string(); },
        pointer + "/km/trust_accounts", "same IBAN and valid_from", errors);
  }
  if (access.dkb) {
    check_unique(
        access.dkb->collective_ibans, [](const Iban& iban) { return iban.str(); },
        pointer + "/dkb/collective_ibans", "same IBAN", errors);
  }
}

}  // namespace

void check_config(const Config& config, ErrorList& errors) {
  check_access_names(config, errors);
  check_tokens(config, errors);
  if (config.api.tcp) check_tcp(*config.api.tcp, errors);
  check_retry(config.retry, errors);
  for (std::size_t i = 0; i < config.accesses.size(); ++i) {
    check_access(config.accesses[i], access_pointer(i), errors);
  }
}

}  // namespace kaution::config_detail
