#pragma once
// Test support: a dkb bank for ScriptedServer, per specs/dkb.md. Tokens tok-1, tok-2, …;
// answers the API from `script` first (one Action per API request), then from its state.

#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "tests/connectors/aak/camt_builder.hpp"
#include "tests/connectors/http/scripted_server.hpp"

namespace kaution::test {

class FakeDkb {
 public:
  Action answer(const RecordedRequest& request);

  std::mutex mutex;
  int tokens_issued = 0;
  std::deque<Action> script;
  std::map<std::string, std::vector<CamtEntry>> entries;       // collective IBAN → its bookings
  std::vector<nlohmann::json> balances;                        // items with "collectiveIban"
  std::map<std::string, std::vector<std::string>> unassigned;  // IBAN → references
  std::map<std::string, std::string> portal;                   // reference → contract number

 private:
  Action token();
  Action route(const RecordedRequest& request);
  Action statements(const std::vector<std::string>& ibans, const std::string& from);
  Action balance_items(const std::vector<std::string>& ibans);
  Action unassigned_items(const std::vector<std::string>& ibans);
};

// A valid German IBAN for account number `n` at bank code 12030000.
std::string german_iban(long long n);
std::vector<std::string> split_ibans(const std::string& list);

}  // namespace kaution::test
