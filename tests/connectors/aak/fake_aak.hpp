#pragma once
// Test support: an aak bank for ScriptedServer, per specs/aak.md. Tokens tok-1, tok-2, …;
// answers the API from `script` first (one Action per API request), then from its state.

#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/connectors/http/scripted_server.hpp"

namespace kaution::test {

class FakeAak {
 public:
  Action answer(const RecordedRequest& request);

  // State; lock `mutex` when changing it while a connector runs.
  std::mutex mutex;
  int tokens_issued = 0;
  int token_status = 200;
  std::deque<Action> script;
  std::vector<std::pair<std::string, std::string>> statements;  // id, camt document, in order
  std::size_t list_page_size = 2;                               // statement ids per list page
  std::vector<nlohmann::json> balances;
  std::string interest_body = R"({"items": []})";

 private:
  Action token();
  Action route(const RecordedRequest& request);
  Action statement_list(const std::string& after);
  Action statement(const std::string& id);
  Action balance_page(const std::string& page, const std::string& size);
};

// Requests to the API (all but the token endpoint), in order.
std::vector<RecordedRequest> api_requests(const ScriptedServer& server);
int token_requests(const ScriptedServer& server);

}  // namespace kaution::test
