#pragma once
// Routes by method and path pattern. A pattern is "/"-separated; a segment is a literal
// ("deposits:batch") or a whole-segment parameter ("{deposit_id}") matching any non-empty
// segment. When several patterns match, the one with a literal at the first differing segment
// wins ("/bookings/unassigned" over "/bookings/{id}"). Not thread-safe to add to; resolving
// is (the server only resolves).

#include <deque>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/http/message.hpp"
#include "daemon/http/role.hpp"

namespace kaution::http {

using Handler = std::function<Response(const Request&)>;

struct Route {
  std::string method;
  std::string pattern;
  Role role = Role::none;
  Handler handler;
  std::vector<std::string> segments;  // as in the pattern; parameters keep their braces
};

struct Resolution {
  enum class Kind { found, not_found, method_not_allowed };
  Kind kind = Kind::not_found;
  const Route* route = nullptr;                            // when found
  std::map<std::string, std::string, std::less<>> params;  // when found
  std::vector<std::string> allowed;  // when method_not_allowed: sorted methods for "Allow"
};

class Router {
 public:
  // Throws std::invalid_argument for a pattern not starting with '/', a segment with braces that
  // is not exactly "{name}", a repeated parameter name, or a second route with the same method
  // and the same pattern shape.
  void add(std::string method, std::string_view pattern, Role role, Handler handler);
  Resolution resolve(std::string_view method, const std::vector<std::string>& segments) const;

 private:
  std::deque<Route> m_routes;  // deque: Resolution keeps pointers into it
};

}  // namespace kaution::http
