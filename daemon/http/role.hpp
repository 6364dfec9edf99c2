#pragma once
// Roles of API tokens (ledger-api.md "Transport and access") and which role satisfies which
// requirement. See daemon/http/README.md for the lattice.

#include <optional>
#include <string_view>

namespace kaution::http {

enum class Role {
  none,       // as a requirement: no token needed (socket permissions guard the endpoint)
  ledger,     // deposit writes, booking feed
  support,    // re-trigger, assign, close
  operator_,  // read-only ("operator" is a C++ keyword)
};

// "none" | "ledger" | "support" | "operator"; nullopt for anything else.
std::optional<Role> parse_role(std::string_view text);
std::string_view role_name(Role role);

// Whether a token holding `held` may call an endpoint that requires `required`: `none` needs
// nothing, `operator` (read-only) is granted to every token, `ledger` and `support` only to
// themselves.
bool grants(Role held, Role required);

}  // namespace kaution::http
