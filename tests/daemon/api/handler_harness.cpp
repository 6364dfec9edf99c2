#include "tests/daemon/api/handler_harness.hpp"

#include "daemon/http/uri.hpp"

namespace kaution::test {
namespace {

api::ApiSettings test_settings(bool bgb551_is_error) {
  api::ApiSettings s;
  s.validation.accesses.push_back({"aak-main", BankProfile::aak, {}});
  s.validation.accesses.push_back(
      {"dkb-main", BankProfile::dkb, {*Iban::parse("DE45120300001234567890")}});
  s.validation.bgb551_is_error = bgb551_is_error;
  return s;
}

std::string principal_of(http::Role role) {
  switch (role) {
    case http::Role::ledger:
      return "erp";
    case http::Role::support:
      return "support-anna";
    case http::Role::operator_:
      return "monitor";
    case http::Role::none:
      return "";
  }
  return "";
}

}  // namespace

Harness::Harness(api::ApiHooks hooks, bool bgb551_is_error)
    : m_clock(utc_time(*Date::parse("2026-11-23"))),
      m_store(m_dir.path() / "store.db", m_clock),
      m_access(m_store),
      m_context(m_access, m_clock, test_settings(bgb551_is_error), std::move(hooks)),
      m_router(api::make_router(m_context)) {}

Answer Harness::call(const std::string& method, const std::string& target, http::Role role,
                     const std::optional<std::string>& body,
                     std::vector<std::pair<std::string, std::string>> headers) {
  const auto parsed = http::parse_target(target);
  if (!parsed) return {400, "", "bad target", nullptr, {}};
  const http::Resolution resolution = m_router.resolve(method, parsed->segments);
  if (resolution.kind != http::Resolution::Kind::found) return {404, "", "no route", nullptr, {}};
  if (!http::grants(role, resolution.route->role)) return {403, "", "role", nullptr, {}};
  http::Request request;
  request.method = method;
  request.path = parsed->path;
  request.query = parsed->query;
  request.path_params = resolution.params;
  request.body = body.value_or("");
  request.role = role;
  request.principal = principal_of(role);
  for (auto& [name, value] : headers)
    request.headers[name] = value;
  const http::Response response = resolution.route->handler(request);
  return {response.status, response.content_type, response.body,
          nlohmann::json::parse(response.body, nullptr, false), response.headers};
}

Answer Harness::put(const nlohmann::json& deposit) {
  return call("PUT", "/api/v1/deposits/" + deposit.at("deposit_id").get<std::string>(),
              http::Role::ledger, deposit.dump());
}

}  // namespace kaution::test
