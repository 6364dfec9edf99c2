#include "daemon/http/role.hpp"

namespace kaution::http {

std::optional<Role> parse_role(std::string_view text) {
  if (text == "none") return Role::none;
  if (text == "ledger") return Role::ledger;
  if (text == "support") return Role::support;
  if (text == "operator") return Role::operator_;
  return std::nullopt;
}

std::string_view role_name(Role role) {
  switch (role) {
    case Role::none:
      return "none";
    case Role::ledger:
      return "ledger";
    case Role::support:
      return "support";
    case Role::operator_:
      return "operator";
  }
  return "none";
}

bool grants(Role held, Role required) {
  switch (required) {
    case Role::none:
      return true;
    case Role::operator_:
      return held != Role::none;
    case Role::ledger:
    case Role::support:
      return held == required;
  }
  return false;
}

}  // namespace kaution::http
