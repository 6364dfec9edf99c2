#include "daemon/http/uri.hpp"

namespace kaution::http {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool parse_query(std::string_view text, Target& target) {
  while (!text.empty()) {
    const std::size_t amp = text.find('&');
    const std::string_view pair = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view{} : text.substr(amp + 1);
    if (pair.empty()) continue;
    const std::size_t eq = pair.find('=');
    auto key = percent_decode(pair.substr(0, eq), true);
    auto value = percent_decode(
        eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1), true);
    if (!key || !value) return false;
    target.query.emplace(std::move(*key), std::move(*value));
  }
  return true;
}

bool split_path(std::string_view path, Target& target) {
  std::string_view rest = path.substr(1);  // after the leading '/'; "/" has no segments
  if (rest.empty()) return true;
  for (;;) {
    const std::size_t slash = rest.find('/');
    auto segment = percent_decode(rest.substr(0, slash), false);
    if (!segment || segment->find('\0') != std::string::npos) return false;
    target.segments.push_back(std::move(*segment));
    if (slash == std::string_view::npos) return true;
    rest = rest.substr(slash + 1);
  }
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else if (c != '%') {
      out.push_back(c);
    } else {
      if (i + 2 >= text.size()) return std::nullopt;
      const int high = hex_value(text[i + 1]);
      const int low = hex_value(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    }
  }
  return out;
}

std::optional<Target> parse_target(std::string_view raw) {
  if (raw.empty() || raw.front() != '/') return std::nullopt;
  const std::size_t question = raw.find('?');
  const std::string_view path = raw.substr(0, question);
  Target target;
  auto decoded = percent_decode(path, false);
  if (!decoded || !split_path(path, target)) return std::nullopt;
  target.path = std::move(*decoded);
  if (question != std::string_view::npos && !parse_query(raw.substr(question + 1), target)) {
    return std::nullopt;
  }
  return target;
}

}  // namespace kaution::http
