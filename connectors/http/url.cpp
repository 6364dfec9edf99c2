#include "connectors/http/url.hpp"

#include "connectors/http/headers.hpp"

namespace kaution::httpclient {

namespace {
bool unreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}
}  // namespace

std::string url_encode(std::string_view text) {
  static constexpr char k_hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (unreserved(c)) {
      out += c;
      continue;
    }
    const auto byte = static_cast<unsigned char>(c);
    out += '%';
    out += k_hex[byte >> 4];
    out += k_hex[byte & 0x0F];
  }
  return out;
}

std::string join_url(std::string_view base_url, std::string_view path,
                     const std::vector<std::pair<std::string, std::string>>& query) {
  while (!base_url.empty() && base_url.back() == '/')
    base_url.remove_suffix(1);
  std::string url(base_url);
  if (path.empty() || path.front() != '/') url += '/';
  url += path;
  char separator = '?';
  for (const auto& [name, value] : query) {
    url += separator;
    url += url_encode(name);
    url += '=';
    url += url_encode(value);
    separator = '&';
  }
  return url;
}

bool is_http_url(std::string_view url) {
  for (std::string_view scheme : {std::string_view("http://"), std::string_view("https://")}) {
    if (url.size() > scheme.size() && iequals(url.substr(0, scheme.size()), scheme)) return true;
  }
  return false;
}

}  // namespace kaution::httpclient
