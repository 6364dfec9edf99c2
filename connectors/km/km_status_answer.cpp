// The Status answers of ZinssatzMitteilen, ZahlungZuordnen and VertragSchliessen.
#include "connectors/km/answer_reader.hpp"
#include "connectors/km/km_answers.hpp"
#include "connectors/km/soap_answer.hpp"
#include "connectors/km/xml_names.hpp"
#include "mapping/km_record.hpp"

namespace kaution::km {
namespace {

pugi::xml_node first_km_element(pugi::xml_node body) {
  for (pugi::xml_node c = body.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && namespace_uri(c) == k_km_namespace) return c;
  return {};
}

}  // namespace

std::expected<KmStatus, std::string> parse_status_answer(pugi::xml_node body,
                                                         std::string_view operation,
                                                         bool status_required) {
  const std::string name = std::string(operation) + "Antwort";
  pugi::xml_node answer = find_answer(body, name);
  if (!answer) answer = first_km_element(body);
  if (!answer) {
    if (status_required) return std::unexpected(missing_answer(body, name));
    return KmStatus{true, {}};
  }
  const pugi::xml_attribute status = attribute(answer, "Status");
  if (!status) {
    if (status_required)
      return std::unexpected("<" + std::string(answer.name()) + ">: attribute Status is missing");
    return KmStatus{true, {}};
  }
  const std::string_view value = status.value();
  if (value == "OK") return KmStatus{true, {}};
  if (value == "FEHLER") return KmStatus{false, read_fehler(answer)};
  return std::unexpected("<" + std::string(answer.name()) + ">: Status '" + std::string(value) +
                         "' is neither OK nor FEHLER");
}

}  // namespace kaution::km
