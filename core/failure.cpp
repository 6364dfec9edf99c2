#include "core/failure.hpp"

namespace kaution {

std::string_view to_string(FailureClass c) {
  switch (c) {
    case FailureClass::rejected:
      return "rejected";
    case FailureClass::credentials:
      return "credentials";
    case FailureClass::transient:
      return "transient";
    case FailureClass::protocol:
      return "protocol";
  }
  return "unknown";
}

}  // namespace kaution
