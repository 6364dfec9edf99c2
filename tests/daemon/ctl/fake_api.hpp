#pragma once
// Test support: a fake ApiClient with canned answers, and run_cli driven with it.

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "daemon/ctl/api_client.hpp"
#include "daemon/ctl/cli.hpp"

namespace kaution::ctl::test {

class FakeApi final : public ApiClient {
 public:
  using Handler = std::function<std::expected<ApiResponse, TransportError>(const ApiRequest&)>;

  // The answer to "METHOD target" (target with its query).
  void answer(const std::string& method_and_target, ApiResponse response);
  void answer_json(const std::string& method_and_target, int status, const std::string& body);
  // Answers every request not given by answer(); by default 404.
  void fallback(Handler handler) { m_fallback = std::move(handler); }

  std::expected<ApiResponse, TransportError> send(const ApiRequest& request) override;

  std::vector<ApiRequest> requests;

 private:
  std::map<std::string, ApiResponse> m_answers;
  Handler m_fallback;
};

struct CliResult {
  int exit_code = -1;
  std::string out;
  std::string err;
  std::vector<ClientOptions> clients;  // options of every client made
};

// run_cli with `args`, a client that forwards to `api`, no environment but `env`.
CliResult run_with(FakeApi& api, const std::vector<std::string>& args, const std::string& in = {},
                   const std::map<std::string, std::string>& env = {}, bool terminal = false);

ApiResponse json_answer(int status, const std::string& body);
ApiResponse problem_answer(int status, const std::string& title, const std::string& detail,
                           const std::vector<std::pair<std::string, std::string>>& errors = {});

}  // namespace kaution::ctl::test
