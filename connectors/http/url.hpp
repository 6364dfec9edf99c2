#pragma once
// URL building: percent-encoding and joining a request path to an access's base URL.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kaution::httpclient {

// Percent-encodes everything except RFC 3986 unreserved characters (A-Z a-z 0-9 - . _ ~):
// fit for a path segment ("1.080000.1047", "a/b" → "a%2Fb") and for a query name or value.
std::string url_encode(std::string_view text);

// base "https://h/api/" + path "v1/x" → "https://h/api/v1/x", plus "?n=v&…" when query is
// not empty (names and values encoded here).
std::string join_url(std::string_view base_url, std::string_view path,
                     const std::vector<std::pair<std::string, std::string>>& query);

// True for "http://…" and "https://…" (case-insensitive scheme) with a host.
bool is_http_url(std::string_view url);

}  // namespace kaution::httpclient
