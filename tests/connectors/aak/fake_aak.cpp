#include "tests/connectors/aak/fake_aak.hpp"

#include "tests/connectors/aak/bank_test_support.hpp"

namespace kaution::test {
namespace {

Action json(int status, const nlohmann::json& body) {
  return Action::reply(status, body.dump(), {{"Content-Type", "application/json"}});
}

bool is_token(const RecordedRequest& r) {
  return r.target.starts_with("/oauth2/token") || r.target.starts_with("/oauth/token");
}

}  // namespace

Action FakeAak::answer(const RecordedRequest& request) {
  std::lock_guard lock(mutex);
  if (is_token(request)) return token();
  if (!script.empty()) {
    Action next = std::move(script.front());
    script.pop_front();
    return next;
  }
  return route(request);
}

Action FakeAak::token() {
  if (token_status != 200) return json(token_status, {{"error", "invalid_client"}});
  ++tokens_issued;
  return json(200, {{"access_token", "tok-" + std::to_string(tokens_issued)},
                    {"token_type", "Bearer"},
                    {"expires_in", 3600}});
}

Action FakeAak::route(const RecordedRequest& request) {
  const Target t = parse_target(request.target);
  if (request.method == "PUT" && t.path.starts_with("/v1/deposits/"))
    return json(201, {{"uuid", "uuid-" + t.path.substr(13)}, {"state", "ACCEPTED"}});
  if (request.method == "GET" && t.path == "/v1/statements")
    return statement_list(t.query.contains("after") ? t.query.at("after") : "");
  if (request.method == "GET" && t.path.starts_with("/v1/statements/"))
    return statement(t.path.substr(15));
  if (request.method == "GET" && t.path == "/v1/balances")
    return balance_page(t.query.at("page"), t.query.at("pageSize"));
  if (request.method == "GET" && t.path == "/v1/interest-distributions")
    return Action::reply(200, interest_body);
  if (request.method == "POST" && t.path.ends_with("/assign")) return Action::reply(204);
  if (request.method == "POST" && t.path.ends_with("/close")) return Action::reply(204);
  return json(404, {{"errors", {{{"code", "NOT_FOUND"}}}}});
}

Action FakeAak::statement_list(const std::string& after) {
  // After an id it does not know (an opaque `next`), the list starts at the beginning.
  std::size_t start = 0;
  while (start < statements.size() && statements[start].first != after)
    ++start;
  start = start < statements.size() ? start + 1 : 0;
  nlohmann::json items = nlohmann::json::array();
  std::size_t at = start;
  for (; at < statements.size() && at < start + list_page_size; ++at)
    items.push_back({{"id", statements[at].first}, {"date", "2026-11-20"}, {"entries", 1}});
  nlohmann::json next = nullptr;
  if (at < statements.size()) next = statements[at - 1].first;
  return json(200, {{"items", items}, {"next", next}});
}

Action FakeAak::statement(const std::string& id) {
  for (const auto& [known, document] : statements)
    if (known == id) return Action::reply(200, document, {{"Content-Type", "application/xml"}});
  return json(404, {{"errors", {{{"code", "NOT_FOUND"}}}}});
}

Action FakeAak::balance_page(const std::string& page, const std::string& size) {
  const std::size_t number = std::stoul(page);
  const std::size_t per_page = std::stoul(size);
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = (number - 1) * per_page; i < balances.size() && i < number * per_page; ++i)
    items.push_back(balances[i]);
  return json(
      200,
      {{"items", items}, {"page", number}, {"pageSize", per_page}, {"total", balances.size()}});
}

std::vector<RecordedRequest> api_requests(const ScriptedServer& server) {
  std::vector<RecordedRequest> out;
  for (const RecordedRequest& r : server.requests())
    if (!is_token(r)) out.push_back(r);
  return out;
}

int token_requests(const ScriptedServer& server) {
  int n = 0;
  for (const RecordedRequest& r : server.requests())
    n += is_token(r) ? 1 : 0;
  return n;
}

}  // namespace kaution::test
