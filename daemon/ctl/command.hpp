#pragma once
// What every command shares: the client, the output streams, --json, and the one way to send a
// request and turn the answer into an exit code.

#include <expected>
#include <functional>
#include <ostream>
#include "daemon/ctl/json.hpp"

#include "core/redact.hpp"
#include "daemon/ctl/api_client.hpp"

namespace kaution::ctl {

inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_refused = 1;  // the daemon said no
inline constexpr int k_exit_usage = 2;    // usage, input or connection error

struct Context {
  ApiClient& api;
  std::ostream& out;
  std::ostream& err;
  bool json = false;                   // print the daemon's JSON as it is
  bool has_token = true;               // false: a 401 gets a hint on how to give one
  const Redactor* redactor = nullptr;  // knows the token: scrubs refusals before printing
};

// Sends `request`. A transport error is printed (exit 2); an answer outside 2xx is printed as a
// problem (exit 1; with --json its body also goes to `out`). Otherwise the answer.
std::expected<ApiResponse, int> call(const Context& ctx, const ApiRequest& request);

using Renderer = std::function<void(const Json& answer, std::ostream& out)>;

// call(), then: with --json the body as it is; otherwise `render` on the parsed body, or the
// body as text when it is not JSON. The exit code.
int run_request(const Context& ctx, const ApiRequest& request, const Renderer& render);

// "/api/v1/deposits/" + the percent-encoded id (every byte outside A-Z a-z 0-9 - . _ ~).
std::string encode_segment(std::string_view text);

// Builds "?a=1&b=x%20y" from the given pairs; unset values are left out; "" when none is set.
class Query {
 public:
  Query& add(std::string_view name, const std::optional<std::string>& value);
  Query& add_flag(std::string_view name, bool set);  // "name=true" when set
  std::string str() const { return m_text; }

 private:
  std::string m_text;
};

}  // namespace kaution::ctl
