#pragma once
// The request pipeline without the transport: what is refused as soon as the headers are in
// (bad target, 401, 404, 405, 403, 413 by Content-Length), and running a handler once the body
// is in. Built-in routes: GET /healthz and GET /readyz (role none). Thread-safe.

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/http/auth.hpp"
#include "daemon/http/message.hpp"
#include "daemon/http/router.hpp"

namespace kaution::http {

struct Readiness {
  bool ready = true;
  std::string detail;  // why not, for the 503 problem
};
using ReadinessCheck = std::function<Readiness()>;

struct Admission {
  const Route* route = nullptr;     // set when the request may go on to its body
  std::optional<Response> refusal;  // set when the answer is already known
};

class Dispatcher {
 public:
  // Adds the built-in routes to `router` (throws std::invalid_argument if it has them already).
  // With `public_authorization`, handlers of public (`none`) routes keep the Authorization
  // header: for servers that authenticate themselves (the sandbox banks), never the daemon's API.
  Dispatcher(Router router, const std::vector<ApiToken>& tokens, std::size_t max_body_bytes,
             ReadinessCheck readiness, bool public_authorization = false);

  // `request` has method and headers; fills path, query, path_params, principal and role, and
  // removes the Authorization header. Authentication comes before 404/405, so that a client
  // without a token learns nothing about the routes but the public ones.
  Admission admit(Request& request, std::string_view raw_target) const;
  // Runs the handler; an exception becomes a 500 problem (its message is logged, not answered).
  Response run(const Route& route, const Request& request) const;

  Response body_too_large() const;
  std::size_t max_body_bytes() const { return m_max_body_bytes; }
  void replace_tokens(const std::vector<ApiToken>& tokens) { m_authenticator.replace(tokens); }

 private:
  std::optional<Response> authorize(Request& request, const Resolution& resolution) const;

  Router m_router;
  Authenticator m_authenticator;
  std::size_t m_max_body_bytes;
  ReadinessCheck m_readiness;
  bool m_public_authorization = false;
};

}  // namespace kaution::http
