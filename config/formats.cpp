#include "config/formats.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <algorithm>
#include <cstring>

#include "core/date.hpp"
#include "core/iban.hpp"

namespace kaution::config_detail {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_lower_alnum(char c) {
  return (c >= 'a' && c <= 'z') || is_digit(c);
}
bool is_alpha_or_underscore(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

std::optional<std::string> check_name(std::string_view text) {
  if (text.size() > 63 || !std::all_of(text.begin(), text.end(),
                                       [](char c) { return is_lower_alnum(c) || c == '-'; })) {
    return "expected a name of 1 to 63 characters a-z, 0-9 and -, got " + quote_value(text);
  }
  return std::nullopt;
}

std::optional<std::string> check_octal_mode(std::string_view text) {
  if (!parse_octal_mode(text)) {
    return "expected an octal file mode such as \"0660\", got " + quote_value(text);
  }
  return std::nullopt;
}

std::optional<std::string> check_iban(std::string_view text) {
  auto iban = Iban::parse(text);
  if (!iban) return iban.error();
  return std::nullopt;
}

std::optional<std::string> check_date(std::string_view text) {
  auto date = Date::parse(text);
  if (!date) return date.error();
  return std::nullopt;
}

// Percent per year as KM takes it: 1 to 3 integer digits, '.', exactly 3 decimals, at most 100.
std::optional<std::string> check_interest_rate(std::string_view text) {
  const auto dot = text.find('.');
  const bool shape =
      dot != std::string_view::npos && dot >= 1 && dot <= 3 && text.size() == dot + 4 &&
      std::all_of(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(dot), is_digit) &&
      std::all_of(text.begin() + static_cast<std::ptrdiff_t>(dot) + 1, text.end(), is_digit);
  if (!shape) {
    return "expected an interest rate in percent with three decimals such as \"0.250\", got " +
           quote_value(text);
  }
  const bool above_100 = dot == 3 && (text.substr(0, 3) > "100" ||
                                      (text.substr(0, 3) == "100" && text.substr(4) != "000"));
  if (above_100) return "interest rate " + quote_value(text) + " is above 100 percent";
  return std::nullopt;
}

std::optional<std::string> check_http_url(std::string_view text) {
  std::string_view rest;
  if (text.starts_with("https://")) {
    rest = text.substr(8);
  } else if (text.starts_with("http://")) {
    rest = text.substr(7);
  } else {
    return "expected a URL starting with http:// or https://";
  }
  if (std::any_of(text.begin(), text.end(),
                  [](char c) { return static_cast<unsigned char>(c) <= ' ' || c == 0x7f; })) {
    return "a URL must not contain spaces or control characters";
  }
  const std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  if (authority.find('@') != std::string_view::npos) {
    return "a URL must not contain user information; use username and password";
  }
  if (authority.empty() || authority.front() == ':') return "the URL has no host";
  return std::nullopt;
}

std::optional<std::string> check_ip_address(std::string_view text) {
  if (text == "localhost") return std::nullopt;
  const std::string address(text);
  in6_addr buffer{};
  if (inet_pton(AF_INET, address.c_str(), &buffer) == 1 ||
      inet_pton(AF_INET6, address.c_str(), &buffer) == 1) {
    return std::nullopt;
  }
  return "expected an IPv4 or IPv6 address or \"localhost\", got " + quote_value(text);
}

bool is_base64_char(char c) {
  return is_lower_alnum(c) || (c >= 'A' && c <= 'Z') || c == '+' || c == '/' || c == '=';
}

std::optional<std::string> check_public_key_pin(std::string_view text) {
  constexpr std::string_view k_prefix = "sha256//";
  constexpr std::size_t k_base64_sha256 = 44;
  std::size_t start = 0;
  while (true) {
    const auto end = std::min(text.find(';', start), text.size());
    const std::string_view pin = text.substr(start, end - start);
    if (!pin.starts_with(k_prefix) || pin.size() != k_prefix.size() + k_base64_sha256 ||
        !std::all_of(pin.begin() + static_cast<std::ptrdiff_t>(k_prefix.size()), pin.end(),
                     is_base64_char)) {
      return "expected \"sha256//<base64 of the SHA-256>\" pins separated by \";\"";
    }
    if (end == text.size()) return std::nullopt;
    start = end + 1;
  }
}

std::optional<std::string> check_credential_name(std::string_view text) {
  if (text == "." || text == ".." || text.find('/') != std::string_view::npos) {
    return "expected a credential name (a file name without \"/\")";
  }
  return std::nullopt;
}

std::optional<std::string> check_env_name(std::string_view text) {
  const bool ok = is_alpha_or_underscore(text.front()) &&
                  std::all_of(text.begin(), text.end(),
                              [](char c) { return is_alpha_or_underscore(c) || is_digit(c); });
  if (!ok) return "expected an environment variable name (letters, digits and _)";
  return std::nullopt;
}

}  // namespace

std::string quote_value(std::string_view text) {
  constexpr std::size_t k_max_shown = 40;
  std::string shown(text.substr(0, k_max_shown));
  return '"' + shown + (text.size() > k_max_shown ? "…\"" : "\"");
}

std::optional<std::string> check_format(StringFormat format, std::string_view text) {
  if (text.empty()) return "must not be empty";
  switch (format) {
    case StringFormat::any:
      return std::nullopt;
    case StringFormat::name:
      return check_name(text);
    case StringFormat::octal_mode:
      return check_octal_mode(text);
    case StringFormat::iban:
      return check_iban(text);
    case StringFormat::date:
      return check_date(text);
    case StringFormat::interest_rate:
      return check_interest_rate(text);
    case StringFormat::http_url:
      return check_http_url(text);
    case StringFormat::ip_address:
      return check_ip_address(text);
    case StringFormat::public_key_pin:
      return check_public_key_pin(text);
    case StringFormat::credential_name:
      return check_credential_name(text);
    case StringFormat::env_name:
      return check_env_name(text);
  }
  return std::nullopt;
}

std::optional<unsigned> parse_octal_mode(std::string_view text) {
  if (text.size() < 3 || text.size() > 4) return std::nullopt;
  unsigned mode = 0;
  for (char c : text) {
    if (c < '0' || c > '7') return std::nullopt;
    mode = mode * 8 + static_cast<unsigned>(c - '0');
  }
  if (mode > 0777) return std::nullopt;
  return mode;
}

bool is_loopback_address(std::string_view address) {
  if (address == "localhost") return true;
  const std::string text(address);
  in_addr v4{};
  if (inet_pton(AF_INET, text.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  if (inet_pton(AF_INET6, text.c_str(), &v6) != 1) return false;
  if (IN6_IS_ADDR_LOOPBACK(&v6)) return true;
  return IN6_IS_ADDR_V4MAPPED(&v6) && v6.s6_addr[12] == 127;
}

}  // namespace kaution::config_detail
