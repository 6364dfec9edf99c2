#include "connectors/km/soap_answer.hpp"

#include "connectors/km/km_values.hpp"
#include "connectors/km/xml_names.hpp"
#include "mapping/km_record.hpp"

namespace kaution::km {
namespace {

// SOAP 1.1 writes faultcode, faultstring and detail unqualified; some servers qualify them.
pugi::xml_node fault_part(pugi::xml_node fault, std::string_view local) {
  for (pugi::xml_node c = fault.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element || local_name(c) != local) continue;
    const std::string_view ns = namespace_uri(c);
    if (ns.empty() || ns == k_soap_ns) return c;
  }
  return {};
}

bool is_code(std::string_view local, std::string_view code) {
  return local == code ||
         (local.starts_with(code) && local.size() > code.size() && local[code.size()] == '.');
}

FaultKind classify(pugi::xml_node faultcode) {
  const std::string_view qname = trim(faultcode.text().get());
  const std::size_t colon = qname.find(':');
  const std::string_view prefix =
      colon == std::string_view::npos ? std::string_view{} : qname.substr(0, colon);
  const std::string_view local = local_name(qname);
  bool bound = false;
  const std::string_view ns = resolve_prefix(faultcode, prefix, bound);
  const auto in = [&](std::string_view expected) { return !bound || ns.empty() || ns == expected; };
  if (local == "FailedAuthentication" && in(k_wsse_ns)) return FaultKind::credentials;
  if (is_code(local, "Client") && in(k_soap_ns)) return FaultKind::client;
  if (is_code(local, "Server") && in(k_soap_ns)) return FaultKind::server;
  return FaultKind::other;
}

// Fehler may sit in wrappers; a few levels are looked through, not an arbitrarily deep tree.
constexpr int k_max_fehler_depth = 4;

void collect_fehler(pugi::xml_node parent, std::vector<FieldError>& out, int depth) {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    if (is_element(c, k_km_namespace, "Fehler")) {
      out.push_back(FieldError{std::string(attribute(c, "Feld").value()),
                               std::string(attribute(c, "Code").value()),
                               std::string(trim(c.text().get()))});
      continue;
    }
    if (depth < k_max_fehler_depth) collect_fehler(c, out, depth + 1);
  }
}

}  // namespace

std::expected<SoapAnswer, std::string> SoapAnswer::parse(std::string_view text) {
  SoapAnswer answer;
  answer.m_doc = std::make_unique<pugi::xml_document>();
  const pugi::xml_parse_result parsed =
      answer.m_doc->load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_auto);
  if (!parsed)
    return std::unexpected("answer is not XML: " + std::string(parsed.description()) +
                           " at offset " + std::to_string(parsed.offset));
  const pugi::xml_node root = answer.m_doc->document_element();
  if (!is_element(root, k_soap_ns, "Envelope"))
    return std::unexpected("answer is not a SOAP 1.1 envelope: root element <" +
                           std::string(root.name()) + "> in namespace '" +
                           std::string(namespace_uri(root)) + "'");
  answer.m_body = child(root, k_soap_ns, "Body");
  if (!answer.m_body) return std::unexpected("SOAP envelope without soap:Body");
  return answer;
}

FailureClass failure_class(FaultKind kind) {
  switch (kind) {
    case FaultKind::credentials:
      return FailureClass::credentials;
    case FaultKind::client:
      return FailureClass::rejected;
    case FaultKind::server:
      return FailureClass::transient;
    case FaultKind::other:
      break;
  }
  return FailureClass::protocol;
}

std::optional<SoapFault> find_fault(pugi::xml_node body) {
  const pugi::xml_node fault = child(body, k_soap_ns, "Fault");
  if (!fault) return std::nullopt;
  SoapFault out;
  const pugi::xml_node code = fault_part(fault, "faultcode");
  out.code = std::string(trim(code.text().get()));
  out.kind = code ? classify(code) : FaultKind::other;
  out.text = std::string(trim(fault_part(fault, "faultstring").text().get()));
  if (const pugi::xml_node detail = fault_part(fault, "detail")) out.errors = read_fehler(detail);
  return out;
}

std::vector<FieldError> read_fehler(pugi::xml_node parent) {
  std::vector<FieldError> out;
  collect_fehler(parent, out, 0);
  return out;
}

std::string describe(const std::vector<FieldError>& errors) {
  std::string out;
  for (const FieldError& e : errors)
    out += "; " + e.field + " " + e.code + (e.message.empty() ? "" : " (" + e.message + ")");
  return out;
}

}  // namespace kaution::km
