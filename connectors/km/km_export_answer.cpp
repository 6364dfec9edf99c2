// VertraegeUebertragenAntwort: one km:Ergebnis per contract, in request order.
#include "connectors/km/answer_reader.hpp"
#include "connectors/km/km_answers.hpp"
#include "connectors/km/soap_answer.hpp"
#include "connectors/km/xml_names.hpp"
#include "mapping/km_record.hpp"

namespace kaution::km {
namespace {

std::vector<pugi::xml_node> ergebnisse(pugi::xml_node answer) {
  std::vector<pugi::xml_node> out;
  const Children items(answer, k_km_namespace);
  for (const auto& [name, c] : items.all())
    if (name == "Ergebnis") out.push_back(c);
  return out;
}

KmErgebnis read_ergebnis(pugi::xml_node node, const std::string& sent, FieldReader& reader) {
  KmErgebnis out;
  const std::string_view contract = reader.attr(node, "Vertragsnummer");
  if (reader.ok() && contract != sent)
    reader.fail("names contract '" + std::string(contract) + "' where '" + sent +
                "' was sent: the answer is not in request order");
  const std::string_view status = reader.attr(node, "Status");
  if (!reader.ok()) return out;
  if (status == "OK") {
    out.ok = true;
    out.konto_id = std::string(reader.attr(node, "KontoId"));
  } else if (status == "FEHLER") {
    out.errors = read_fehler(node);
  } else {
    reader.fail("Status '" + std::string(status) + "' is neither OK nor FEHLER");
  }
  return out;
}

}  // namespace

std::expected<std::vector<KmErgebnis>, std::string> parse_export_answer(
    pugi::xml_node body, std::span<const std::string> sent_contracts) {
  const pugi::xml_node answer = find_answer(body, "VertraegeUebertragenAntwort");
  if (!answer) return std::unexpected(missing_answer(body, "VertraegeUebertragenAntwort"));
  const std::vector<pugi::xml_node> nodes = ergebnisse(answer);
  if (nodes.size() != sent_contracts.size())
    return std::unexpected(std::to_string(nodes.size()) + " km:Ergebnis for " +
                           std::to_string(sent_contracts.size()) + " contracts sent");
  std::vector<KmErgebnis> out;
  out.reserve(nodes.size());
  FieldReader reader;
  for (std::size_t i = 0; i < nodes.size(); ++i) {
    reader.set_context("km:Ergebnis #" + std::to_string(i + 1));
    out.push_back(read_ergebnis(nodes[i], sent_contracts[i], reader));
    if (!reader.ok()) return std::unexpected(reader.error());
  }
  return out;
}

}  // namespace kaution::km
