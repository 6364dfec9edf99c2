#include "connectors/km/soap_envelope.hpp"

#include <sstream>

#include "connectors/km/xml_names.hpp"
#include "mapping/km_record.hpp"

namespace kaution::km {
namespace {

void set_attribute(pugi::xml_node node, const char* name, std::string_view value) {
  node.append_attribute(name).set_value(std::string(value).c_str());
}

void text_element(pugi::xml_node parent, const char* name, std::string_view value) {
  parent.append_child(name).text().set(std::string(value).c_str());
}

void append_security(pugi::xml_node header, std::string_view username, const Secret& password) {
  pugi::xml_node security = header.append_child("wsse:Security");
  set_attribute(security, "soap:mustUnderstand", "1");
  pugi::xml_node token = security.append_child("wsse:UsernameToken");
  text_element(token, "wsse:Username", username);
  pugi::xml_node secret = token.append_child("wsse:Password");
  set_attribute(secret, "Type", k_password_text_type);
  secret.text().set(password.reveal().c_str());
}

}  // namespace

std::string soap_action(std::string_view operation) {
  return "\"" + std::string(k_km_namespace) + "#" + std::string(operation) + "\"";
}

SoapEnvelope::SoapEnvelope(std::string_view operation, std::string_view username,
                           const Secret& password)
    : m_operation(operation) {
  pugi::xml_node envelope = m_doc.append_child("soap:Envelope");
  set_attribute(envelope, "xmlns:soap", k_soap_ns);
  set_attribute(envelope, "xmlns:wsse", k_wsse_ns);
  set_attribute(envelope, "xmlns:km", k_km_namespace);
  append_security(envelope.append_child("soap:Header"), username, password);
  pugi::xml_node body = envelope.append_child("soap:Body");
  m_request = body.append_child(("km:" + m_operation).c_str());
}

std::string SoapEnvelope::str() const {
  std::ostringstream out;
  m_doc.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return R"(<?xml version="1.0" encoding="utf-8"?>)" + out.str();
}

}  // namespace kaution::km
