#include "daemon/http/dispatcher.hpp"

#include <spdlog/spdlog.h>

#include <charconv>
#include <exception>

#include "daemon/http/uri.hpp"

namespace kaution::http {
namespace {

constexpr std::string_view k_realm = "Bearer realm=\"kautiond\"";

std::string_view why(AuthFailure failure) {
  switch (failure) {
    case AuthFailure::missing:
      return "an Authorization: Bearer token is required";
    case AuthFailure::wrong_scheme:
      return "the Authorization scheme must be Bearer";
    case AuthFailure::wrong_token:
      break;
  }
  return "the token is not valid";
}

// RFC 6750 3: the challenge, with error="invalid_token" when a token was presented.
Response unauthorized(AuthFailure failure) {
  Response r = problem(401, "Unauthorized", std::string(why(failure)));
  std::string challenge(k_realm);
  if (failure == AuthFailure::wrong_token) challenge += ", error=\"invalid_token\"";
  r.headers.emplace_back("WWW-Authenticate", std::move(challenge));
  return r;
}

Response method_not_allowed(const Resolution& resolution) {
  std::string allow;
  for (const std::string& method : resolution.allowed) {
    allow += (allow.empty() ? "" : ", ") + method;
  }
  Response r = problem(405, "Method Not Allowed", "allowed: " + allow);
  r.headers.emplace_back("Allow", allow);
  return r;
}

std::optional<std::size_t> content_length(const Request& request) {
  const auto value = request.header("content-length");
  if (!value) return std::nullopt;
  std::size_t length = 0;
  const auto [end, error] = std::from_chars(value->data(), value->data() + value->size(), length);
  if (error == std::errc::result_out_of_range) return SIZE_MAX;
  if (error != std::errc{} || end != value->data() + value->size()) return std::nullopt;
  return length;
}

void add_builtin_routes(Router& router, const ReadinessCheck& readiness) {
  router.add("GET", "/healthz", Role::none, [](const Request&) {
    return json_response(200, {{"status", "ok"}});
  });
  router.add("GET", "/readyz", Role::none, [readiness](const Request&) {
    const Readiness state = readiness ? readiness() : Readiness{};
    if (!state.ready) return problem(503, "Service Unavailable", "not ready: " + state.detail);
    return json_response(200, {{"status", "ready"}});
  });
}

}  // namespace

Dispatcher::Dispatcher(Router router, const std::vector<ApiToken>& tokens,
                       std::size_t max_body_bytes, ReadinessCheck readiness,
                       bool public_authorization)
    : m_router(std::move(router)),
      m_authenticator(tokens),
      m_max_body_bytes(max_body_bytes),
      m_readiness(std::move(readiness)),
      m_public_authorization(public_authorization) {
  add_builtin_routes(m_router, m_readiness);
}

Admission Dispatcher::admit(Request& request, std::string_view raw_target) const {
  std::optional<Target> target = parse_target(raw_target);
  if (!target) return {nullptr, problem(400, "Bad Request", "the request target is malformed")};
  request.path = std::move(target->path);
  request.query = std::move(target->query);
  Resolution resolution = m_router.resolve(request.method, target->segments);
  if (auto refusal = authorize(request, resolution)) return {nullptr, std::move(refusal)};
  const std::optional<std::size_t> length = content_length(request);
  if (length && *length > m_max_body_bytes) return {nullptr, body_too_large()};
  request.path_params = std::move(resolution.params);
  return {resolution.route, std::nullopt};
}

std::optional<Response> Dispatcher::authorize(Request& request,
                                              const Resolution& resolution) const {
  const bool found = resolution.kind == Resolution::Kind::found;
  if (!found || resolution.route->role != Role::none) {
    AuthFailure failure = AuthFailure::missing;
    const auto principal = m_authenticator.authenticate(request.header("authorization"), &failure);
    if (!principal) return unauthorized(failure);
    request.principal = principal->name;
    request.role = principal->role;
    request.headers.erase("authorization");
  } else if (!m_public_authorization) {
    request.headers.erase("authorization");
  }
  if (resolution.kind == Resolution::Kind::not_found) {
    return problem(404, "Not Found", "no such resource: " + request.path);
  }
  if (!found) return method_not_allowed(resolution);
  if (!grants(request.role, resolution.route->role)) {
    return problem(
        403, "Forbidden",
        "this needs a token with the role " + std::string(role_name(resolution.route->role)));
  }
  return std::nullopt;
}

Response Dispatcher::run(const Route& route, const Request& request) const {
  try {
    return route.handler(request);
  } catch (const std::exception& error) {
    spdlog::error("http handler for {} {} failed: {}", route.method, route.pattern, error.what());
  } catch (...) {
    spdlog::error("http handler for {} {} failed with a non-standard exception", route.method,
                  route.pattern);
  }
  return problem(500, "Internal Server Error",
                 "the request could not be completed; the daemon log has the details");
}

Response Dispatcher::body_too_large() const {
  return problem(
      413, "Content Too Large",
      "the request body exceeds the limit of " + std::to_string(m_max_body_bytes) + " bytes");
}

}  // namespace kaution::http
