// POST /api/v1/accesses/{name}/check and POST /api/v1/reload (support). Both call hooks of the
// daemon (ApiHooks); without one the endpoint answers 501.
#include <spdlog/spdlog.h>

#include "daemon/api/problems.hpp"
#include "daemon/api/routes.hpp"

namespace kaution::api {
namespace {

using http::Request;
using http::Response;

bool configured(const ApiContext& context, std::string_view access) {
  return find_access(context.settings()->validation, access) != nullptr;
}

Response post_check(ApiContext& context, const Request& request) {
  const std::string access(request.path_param("name"));
  if (!configured(context, access)) return not_found("no access " + access + " is configured");
  if (!context.hooks().check_access)
    return http::problem(501, "Not Implemented",
                         "connectors not available yet: the access check needs the bank "
                         "connectors, which this build of kautiond does not have");
  // Outside the store mutex: the check talks to a bank for up to its timeout.
  const Result<std::string> result = context.hooks().check_access(access);
  spdlog::info("ACCESS_CHECKED access={} ok={} by={}", access, result.has_value(),
               request.principal);
  if (result)
    return http::json_response(200, {{"access", access}, {"ok", true}, {"message", *result}});
  return http::json_response(200, {{"access", access},
                                   {"ok", false},
                                   {"failure_class", to_string(result.error().failure_class)},
                                   {"message", result.error().message}});
}

Response post_reload(ApiContext& context, const Request& request) {
  if (!context.hooks().reload)
    return http::problem(501, "Not Implemented", "this server cannot reload its config");
  spdlog::info("RELOAD_REQUESTED by={}", request.principal);
  const ReloadOutcome outcome = context.hooks().reload();
  if (!outcome.ok)
    return conflict("the config was not reloaded; the previous config stays in force: " +
                    outcome.detail);
  return http::json_response(200, {{"reloaded", true}, {"detail", outcome.detail}});
}

}  // namespace

void add_operation_routes(http::Router& router, ApiContext& context) {
  router.add("POST", "/api/v1/accesses/{name}/check", http::Role::support,
             [&context](const Request& r) { return post_check(context, r); });
  router.add("POST", "/api/v1/reload", http::Role::support,
             [&context](const Request& r) { return post_reload(context, r); });
}

}  // namespace kaution::api
