#pragma once
// The request target ("/a/b%2Fc?x=1&y=a+b") split into decoded path segments and query.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kaution::http {

struct Target {
  std::string path;                   // percent-decoded whole path
  std::vector<std::string> segments;  // split at '/' first, then each decoded: "%2F" stays inside
  std::multimap<std::string, std::string, std::less<>> query;
};

// nullopt when the target is not origin-form ("/..."), has a bad %-escape, or a %00 in the path.
std::optional<Target> parse_target(std::string_view raw);

// "%41" → "A"; with `plus_is_space`, '+' → ' ' (query strings). nullopt on a bad escape.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

}  // namespace kaution::http
