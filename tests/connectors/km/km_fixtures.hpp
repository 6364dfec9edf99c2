#pragma once
// Test support for the km connector: answers as KM writes them (km.md), a km access, deposits
// and a directory, and a reader for the requests the connector sent.

#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "config/config.hpp"
#include "connectors/connector.hpp"
#include "connectors/km/xml_names.hpp"
#include "mapping/km_record.hpp"
#include "tests/mapping/sample_deposit.hpp"

namespace kaution::test {

inline constexpr std::string_view k_user = "kv-dortmund";
inline constexpr std::string_view k_trust_iban = "DE14550104000007223330";

// A SOAP 1.1 envelope around `body` with the prefixes soap, wsse and km bound.
inline std::string km_envelope(std::string_view body) {
  return std::string(R"(<?xml version="1.0" encoding="utf-8"?>)"
                     R"(<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" )"
                     R"(xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/)"
                     R"(oasis-200401-wss-wssecurity-secext-1.0.xsd" )"
                     R"(xmlns:km="urn:km-modul:kaution:v1"><soap:Body>)") +
         std::string(body) + "</soap:Body></soap:Envelope>";
}

// A soap:Fault with `code` (e.g. "soap:Client"), `text` and `detail` (inner XML).
inline std::string km_fault(std::string_view code, std::string_view text,
                            std::string_view detail = "") {
  std::string fault = "<soap:Fault><faultcode>" + std::string(code) + "</faultcode><faultstring>" +
                      std::string(text) + "</faultstring>";
  if (!detail.empty()) fault += "<detail>" + std::string(detail) + "</detail>";
  return km_envelope(fault + "</soap:Fault>");
}

inline std::string km_fehler(std::string_view feld, std::string_view code, std::string_view text) {
  return R"(<km:Fehler Feld=")" + std::string(feld) + R"(" Code=")" + std::string(code) + R"(">)" +
         std::string(text) + "</km:Fehler>";
}

inline TrustAccount trust_account(const char* iban_text = "DE14550104000007223330",
                                  const char* rate = "0.250", const char* from = "2026-01-01") {
  return TrustAccount{iban(iban_text), rate, day(from)};
}

inline AccessConfig km_access(const std::string& base_url, const std::string& password) {
  AccessConfig a;
  a.name = "km-main";
  a.connector = ConnectorKind::km;
  a.base_url = base_url;
  a.username = std::string(k_user);
  a.password = SecretSetting{SecretRef{}, Secret(password)};
  a.timeouts.connect_ms = 2000;
  a.timeouts.total_ms = 5000;
  a.limits.requests_per_second = 0;
  a.km = KmConfig{{trust_account()}};
  return a;
}

// The ledger-api.md example as a km deposit with contract number `contract`.
inline ExportItem km_item(const std::string& contract) {
  Deposit d = ledger_example();
  d.deposit_id = "D-" + contract;
  d.rental_contract_no = contract;
  d.connector = BankProfile::km;
  d.access = "km-main";
  d.virtual_iban.reset();
  return ExportItem{d.deposit_id, d, std::nullopt, iban(k_trust_iban.data())};
}

inline std::string contract_no(std::size_t i) {
  return "1.080000." + std::to_string(1000 + i);
}

// Contracts 1.080000.1000 … of deposits D-1.080000.1000 ….
inline DepositDirectory directory(std::size_t n = 10) {
  DepositDirectory d;
  for (std::size_t i = 0; i < n; ++i) {
    d.contracts.add(contract_no(i));
    d.by_contract.emplace(contract_no(i), "D-" + contract_no(i));
  }
  return d;
}

// A request document as sent, and the texts of its elements by local name.
class SentRequest {
 public:
  explicit SentRequest(std::string_view body) {
    m_ok = static_cast<bool>(m_doc.load_buffer(body.data(), body.size()));
  }
  bool ok() const { return m_ok; }
  pugi::xml_node root() const { return m_doc.document_element(); }
  // The first element named {ns}local anywhere in the document.
  pugi::xml_node find(std::string_view ns, std::string_view local) const {
    return m_doc.find_node([&](pugi::xml_node n) { return km::is_element(n, ns, local); });
  }
  std::string text(std::string_view local) const {
    return find(k_km_namespace, local).text().get();
  }
  std::vector<std::string> contracts() const {
    std::vector<std::string> out;
    const pugi::xml_node request = find(k_km_namespace, "VertraegeUebertragen");
    for (pugi::xml_node v = request.first_child(); v; v = v.next_sibling())
      if (km::is_element(v, k_km_namespace, "Vertrag"))
        out.emplace_back(km::child(v, k_km_namespace, "Vertragsnummer").text().get());
    return out;
  }

 private:
  pugi::xml_document m_doc;
  bool m_ok = false;
};

}  // namespace kaution::test
