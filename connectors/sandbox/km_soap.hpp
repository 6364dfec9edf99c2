#pragma once
// SOAP 1.1 for the km sandbox bank: the request envelope (body operation, WS-Security
// UsernameToken) and the answers (an operation's element, or a fault with km:Fehler details).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "connectors/sandbox/bank.hpp"
#include "daemon/http/message.hpp"

namespace kaution::sandbox {

inline constexpr std::string_view k_soap_ns = "http://schemas.xmlsoap.org/soap/envelope/";
inline constexpr std::string_view k_km_ns = "urn:km-modul:kaution:v1";
inline constexpr std::string_view k_wsse_ns =
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
inline constexpr std::string_view k_soap_action_prefix = "urn:km-modul:kaution:v1#";

// One <km:Fehler Feld="…" Code="…">text</km:Fehler>.
struct KmError {
  std::string field;
  std::string code;
  std::string text;
};

// A parsed request: the operation element in the body and the UsernameToken.
struct SoapRequest {
  pugi::xml_document document;
  pugi::xml_node operation;  // in the km namespace
  std::optional<Credentials> token;
};

// Parses the envelope; a fault answer when it is not a SOAP 1.1 envelope with one km operation
// whose name matches the SOAPAction header.
std::optional<http::Response> parse_soap(const http::Request& request, SoapRequest& out);

// The operation named by the SOAPAction header ("" when absent or foreign).
std::string soap_action(const http::Request& request);

// An answer: `build` appends the operation's element to the (km-bound) Body.
class SoapAnswer {
 public:
  SoapAnswer();
  pugi::xml_node body() { return m_body; }
  // <km:name> under the Body.
  pugi::xml_node add(const char* name);
  http::Response response() const;

 private:
  pugi::xml_document m_document;
  pugi::xml_node m_body;
};

// faultcode "soap:Client" / "soap:Server" / "wsse:FailedAuthentication", HTTP 500 unless given.
http::Response soap_fault(const std::string& code, const std::string& text,
                          const std::vector<KmError>& details = {}, int status = 500);
http::Response client_fault(const std::string& field, const std::string& code,
                            const std::string& text);

}  // namespace kaution::sandbox
