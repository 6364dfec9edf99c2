#include "tests/daemon/ctl/fake_api.hpp"

#include <nlohmann/json.hpp>
#include <sstream>

namespace kaution::ctl::test {
namespace {

class Forwarding final : public ApiClient {
 public:
  explicit Forwarding(FakeApi& api) : m_api(api) {}
  std::expected<ApiResponse, TransportError> send(const ApiRequest& request) override {
    return m_api.send(request);
  }

 private:
  FakeApi& m_api;
};

}  // namespace

void FakeApi::answer(const std::string& method_and_target, ApiResponse response) {
  m_answers[method_and_target] = std::move(response);
}

void FakeApi::answer_json(const std::string& method_and_target, int status,
                          const std::string& body) {
  answer(method_and_target, json_answer(status, body));
}

std::expected<ApiResponse, TransportError> FakeApi::send(const ApiRequest& request) {
  requests.push_back(request);
  const auto it = m_answers.find(request.method + " " + request.target);
  if (it != m_answers.end()) return it->second;
  if (m_fallback) return m_fallback(request);
  return problem_answer(404, "Not Found", "no route " + request.target);
}

ApiResponse json_answer(int status, const std::string& body) {
  return {status, "application/json", body};
}

ApiResponse problem_answer(int status, const std::string& title, const std::string& detail,
                           const std::vector<std::pair<std::string, std::string>>& errors) {
  nlohmann::json body = {{"type", "about:blank"},
                         {"title", title},
                         {"status", status},
                         {"detail", detail},
                         {"errors", nlohmann::json::array()}};
  for (const auto& [field, message] : errors)
    body["errors"].push_back({{"field", field}, {"message", message}});
  return {status, "application/problem+json", body.dump()};
}

CliResult run_with(FakeApi& api, const std::vector<std::string>& args, const std::string& in,
                   const std::map<std::string, std::string>& env, bool terminal) {
  std::istringstream input(in);
  std::ostringstream out, err;
  CliResult result;
  const CliEnvironment cli{
      .in = input,
      .out = out,
      .err = err,
      .getenv = [&env](const std::string& name) -> std::optional<std::string> {
        const auto it = env.find(name);
        if (it == env.end()) return std::nullopt;
        return it->second;
      },
      .err_is_terminal = terminal,
      .make_client = [&](const ClientOptions& options) -> std::unique_ptr<ApiClient> {
        result.clients.push_back(options);
        return std::make_unique<Forwarding>(api);
      },
      .version = "0.0.test"};
  result.exit_code = run_cli(args, cli);
  result.out = out.str();
  result.err = err.str();
  return result;
}

}  // namespace kaution::ctl::test
