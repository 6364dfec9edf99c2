#pragma once
// A km answer: a SOAP 1.1 envelope, parsed, with its soap:Body; and the SOAP fault in it, if
// any, classified as km.md says (wsse:FailedAuthentication → credentials, soap:Client with
// detail/km:Fehler → rejected, soap:Server → transient, anything else → protocol).

#include <expected>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "core/failure.hpp"

namespace kaution::km {

class SoapAnswer {
 public:
  // The error names what is wrong: not XML (with the offset), not a SOAP 1.1 envelope, no Body.
  static std::expected<SoapAnswer, std::string> parse(std::string_view text);
  pugi::xml_node body() const { return m_body; }

 private:
  std::unique_ptr<pugi::xml_document> m_doc;
  pugi::xml_node m_body;
};

enum class FaultKind { credentials, client, server, other };

struct SoapFault {
  FaultKind kind = FaultKind::other;
  std::string code;                // the faultcode as sent ("soap:Client")
  std::string text;                // the faultstring
  std::vector<FieldError> errors;  // detail/km:Fehler: Feld, Code, text
};

FailureClass failure_class(FaultKind kind);

// The soap:Fault directly in `body`, or nullopt. A faultcode whose prefix is bound must be in
// the right namespace (wsse for FailedAuthentication, SOAP for Client/Server, dotted subcodes
// like Client.Validation included); an unbound prefix is judged by the local name alone.
std::optional<SoapFault> find_fault(pugi::xml_node body);

// Every km:Fehler below `parent` as {Feld, Code, text}.
std::vector<FieldError> read_fehler(pugi::xml_node parent);

// "; Feld Code (text)" for each error, for operator messages.
std::string describe(const std::vector<FieldError>& errors);

}  // namespace kaution::km
