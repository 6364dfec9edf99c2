#include "daemon/http/router.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace kaution::http {
namespace {

bool is_param(std::string_view segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

std::string_view param_name(std::string_view segment) {
  return segment.substr(1, segment.size() - 2);
}

std::vector<std::string> split_pattern(std::string_view pattern) {
  if (pattern.empty() || pattern.front() != '/') {
    throw std::invalid_argument("route pattern must start with '/': " + std::string(pattern));
  }
  std::vector<std::string> segments;
  std::set<std::string, std::less<>> names;
  std::string_view rest = pattern.substr(1);
  while (!rest.empty()) {
    const std::size_t slash = rest.find('/');
    const std::string_view segment = rest.substr(0, slash);
    const bool braces = segment.find_first_of("{}") != std::string_view::npos;
    if (segment.empty() ||
        (braces && (!is_param(segment) || param_name(segment).empty() ||
                    param_name(segment).find_first_of("{}") != std::string_view::npos ||
                    !names.emplace(param_name(segment)).second))) {
      throw std::invalid_argument("bad route segment '" + std::string(segment) + "' in " +
                                  std::string(pattern));
    }
    segments.emplace_back(segment);
    if (slash == std::string_view::npos) break;
    rest = rest.substr(slash + 1);
    if (rest.empty())
      throw std::invalid_argument("route pattern ends in '/': " + std::string(pattern));
  }
  return segments;
}

bool same_shape(const Route& a, const std::vector<std::string>& segments) {
  return std::equal(a.segments.begin(), a.segments.end(), segments.begin(), segments.end(),
                    [](const std::string& x, const std::string& y) {
                      return is_param(x) ? is_param(y) : x == y;
                    });
}

bool matches(const Route& route, const std::vector<std::string>& segments) {
  return std::equal(route.segments.begin(), route.segments.end(), segments.begin(), segments.end(),
                    [](const std::string& pattern, const std::string& actual) {
                      return is_param(pattern) ? !actual.empty() : pattern == actual;
                    });
}

// Both match the same path: the first segment where they differ is a literal in one of them.
bool more_specific(const Route& a, const Route& b) {
  for (std::size_t i = 0; i < a.segments.size(); ++i) {
    const bool a_literal = !is_param(a.segments[i]);
    if (a_literal != !is_param(b.segments[i])) return a_literal;
  }
  return false;
}

}  // namespace

void Router::add(std::string method, std::string_view pattern, Role role, Handler handler) {
  std::vector<std::string> segments = split_pattern(pattern);
  for (const Route& route : m_routes) {
    if (route.method == method && same_shape(route, segments)) {
      throw std::invalid_argument("route " + method + " " + std::string(pattern) +
                                  " clashes with " + route.pattern);
    }
  }
  m_routes.push_back(Route{std::move(method), std::string(pattern), role, std::move(handler),
                           std::move(segments)});
}

Resolution Router::resolve(std::string_view method,
                           const std::vector<std::string>& segments) const {
  Resolution result;
  std::set<std::string> allowed;
  for (const Route& route : m_routes) {
    if (!matches(route, segments)) continue;
    allowed.insert(route.method);
    if (route.method != method) continue;
    if (result.route == nullptr || more_specific(route, *result.route)) result.route = &route;
  }
  if (result.route != nullptr) {
    result.kind = Resolution::Kind::found;
    for (std::size_t i = 0; i < segments.size(); ++i) {
      const std::string& pattern = result.route->segments[i];
      if (is_param(pattern)) result.params.emplace(param_name(pattern), segments[i]);
    }
  } else if (!allowed.empty()) {
    result.kind = Resolution::Kind::method_not_allowed;
    result.allowed.assign(allowed.begin(), allowed.end());
  }
  return result;
}

}  // namespace kaution::http
