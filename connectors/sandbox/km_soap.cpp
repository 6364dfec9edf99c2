#include "connectors/sandbox/km_soap.hpp"

#include "connectors/sandbox/xml.hpp"

namespace kaution::sandbox {
namespace {

pugi::xml_node start_envelope(pugi::xml_document& document) {
  pugi::xml_node envelope = document.append_child("soap:Envelope");
  envelope.append_attribute("xmlns:soap") = std::string(k_soap_ns).c_str();
  envelope.append_attribute("xmlns:km") = std::string(k_km_ns).c_str();
  envelope.append_attribute("xmlns:wsse") = std::string(k_wsse_ns).c_str();
  return envelope.append_child("soap:Body");
}

http::Response xml_response(int status, const pugi::xml_document& document) {
  return http::Response{status, "text/xml; charset=utf-8", xml::serialize(document), {}};
}

std::optional<Credentials> username_token(pugi::xml_node envelope) {
  const pugi::xml_node header = xml::child(envelope, "Header", k_soap_ns);
  const pugi::xml_node security = xml::child(header, "Security", k_wsse_ns);
  const pugi::xml_node token = xml::child(security, "UsernameToken", k_wsse_ns);
  if (!token) return std::nullopt;
  return Credentials{xml::text(xml::child(token, "Username", k_wsse_ns)),
                     xml::text(xml::child(token, "Password", k_wsse_ns))};
}

pugi::xml_node only_element(pugi::xml_node parent) {
  pugi::xml_node found;
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    if (found) return {};
    found = c;
  }
  return found;
}

}  // namespace

std::string soap_action(const http::Request& request) {
  std::string action(request.header("soapaction").value_or(""));
  if (action.size() >= 2 && action.front() == '"' && action.back() == '"') {
    action = action.substr(1, action.size() - 2);
  }
  if (!action.starts_with(k_soap_action_prefix)) return {};
  return action.substr(k_soap_action_prefix.size());
}

std::optional<http::Response> parse_soap(const http::Request& request, SoapRequest& out) {
  const pugi::xml_parse_result parsed =
      out.document.load_buffer(request.body.data(), request.body.size());
  if (!parsed)
    return client_fault("", "XML_UNGUELTIG", std::string("XML: ") + parsed.description());
  const pugi::xml_node envelope = out.document.document_element();
  if (xml::local_name(envelope) != "Envelope" || xml::namespace_of(envelope) != k_soap_ns) {
    return client_fault("", "KEIN_SOAP", "a SOAP 1.1 Envelope is expected");
  }
  out.token = username_token(envelope);
  const pugi::xml_node operation = only_element(xml::child(envelope, "Body", k_soap_ns));
  if (!operation || xml::namespace_of(operation) != k_km_ns) {
    return client_fault("", "OPERATION_UNBEKANNT", "the Body holds no km operation");
  }
  if (soap_action(request) != xml::local_name(operation)) {
    return client_fault("", "SOAPACTION", "SOAPAction does not name the body's operation");
  }
  out.operation = operation;
  return std::nullopt;
}

SoapAnswer::SoapAnswer() : m_body(start_envelope(m_document)) {}

pugi::xml_node SoapAnswer::add(const char* name) {
  return m_body.append_child((std::string("km:") + name).c_str());
}

http::Response SoapAnswer::response() const {
  return xml_response(200, m_document);
}

http::Response soap_fault(const std::string& code, const std::string& text,
                          const std::vector<KmError>& details, int status) {
  pugi::xml_document document;
  pugi::xml_node fault = start_envelope(document).append_child("soap:Fault");
  xml::add(fault, "faultcode", code);
  xml::add(fault, "faultstring", text);
  if (!details.empty()) {
    pugi::xml_node detail = fault.append_child("detail");
    for (const KmError& error : details) {
      pugi::xml_node fehler = xml::add(detail, "km:Fehler", error.text);
      fehler.append_attribute("Feld") = error.field.c_str();
      fehler.append_attribute("Code") = error.code.c_str();
    }
  }
  return xml_response(status, document);
}

http::Response client_fault(const std::string& field, const std::string& code,
                            const std::string& text) {
  return soap_fault("soap:Client", text, {KmError{field, code, text}});
}

}  // namespace kaution::sandbox
