#include "connectors/http/message.hpp"

namespace kaution::httpclient {

std::string_view to_string(Method m) {
  switch (m) {
    case Method::get:
      return "GET";
    case Method::head:
      return "HEAD";
    case Method::post:
      return "POST";
    case Method::put:
      return "PUT";
    case Method::patch:
      return "PATCH";
    case Method::delete_:
      return "DELETE";
  }
  return "GET";
}

}  // namespace kaution::httpclient
