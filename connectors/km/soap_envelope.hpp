#pragma once
// A km request: a SOAP 1.1 envelope whose header carries a WS-Security UsernameToken (OASIS
// WSS 1.0, PasswordText) and whose body holds one <km:{Operation}> (specs/km.md). The
// prefixes soap, wsse and km are bound on the envelope.

#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "config/config.hpp"

namespace kaution::km {

// The SOAPAction header value: "\"urn:km-modul:kaution:v1#<operation>\"" (quotes included).
std::string soap_action(std::string_view operation);

class SoapEnvelope {
 public:
  // Reveals the password into the document: the envelope goes to the bank and nowhere else.
  SoapEnvelope(std::string_view operation, std::string_view username, const Secret& password);
  SoapEnvelope(const SoapEnvelope&) = delete;
  SoapEnvelope& operator=(const SoapEnvelope&) = delete;

  const std::string& operation() const { return m_operation; }
  // The <km:{operation}> element in the body, for the request builders to fill.
  pugi::xml_node request() const { return m_request; }
  // UTF-8 with an XML declaration, unindented. Contains the password: never log it.
  std::string str() const;

 private:
  std::string m_operation;
  pugi::xml_document m_doc;
  pugi::xml_node m_request;
};

}  // namespace kaution::km
