// SaldenAbrufen (km:Salden/km:Saldo) and ZinsverteilungenAbrufen (km:Zinsverteilung).
#include "connectors/km/answer_reader.hpp"
#include "connectors/km/km_answers.hpp"
#include "connectors/km/km_values.hpp"
#include "connectors/km/xml_names.hpp"
#include "mapping/km_record.hpp"

namespace kaution::km {
namespace {

const std::string* deposit_of(std::string_view contract, const DepositDirectory& directory) {
  const auto found = directory.by_contract.find(std::string(contract));
  return found == directory.by_contract.end() ? nullptr : &found->second;
}

// A rate as KM writes it: digits, optionally a dot and more digits ("0.250").
bool is_rate(std::string_view text) {
  const std::size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view fraction =
      dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  const auto digits = [](std::string_view s) {
    return s.find_first_not_of("0123456789") == std::string_view::npos;
  };
  return !whole.empty() && digits(whole) && digits(fraction) &&
         (dot == std::string_view::npos || !fraction.empty());
}

// Where the km:Zinsverteilung elements are (km.md names no wrapper): directly in the body, or
// in a km:ZinsverteilungenAbrufenAntwort or km:Zinsverteilungen. An empty body is an empty
// list; any other element is not an answer to this call (an empty node).
pugi::xml_node distribution_parent(pugi::xml_node body) {
  if (child(body, k_km_namespace, "Zinsverteilung")) return body;
  if (pugi::xml_node wrapper = find_answer(body, "ZinsverteilungenAbrufenAntwort")) return wrapper;
  if (pugi::xml_node wrapper = find_answer(body, "Zinsverteilungen")) return wrapper;
  const bool empty =
      !body.find_child([](pugi::xml_node n) { return n.type() == pugi::node_element; });
  return empty ? body : pugi::xml_node{};
}

InterestDistribution read_distribution(pugi::xml_node node, const DepositDirectory& directory,
                                       FieldReader& reader) {
  std::string contract(reader.attr(node, "Vertragsnummer"));
  reader.set_context("km:Zinsverteilung Vertragsnummer " + contract);
  const Date from = reader.date(reader.attr(node, "Von"), "Von");
  const Date to = reader.date(reader.attr(node, "Bis"), "Bis");
  std::string rate(reader.attr(node, "Satz"));
  if (reader.ok() && !is_rate(rate)) reader.fail("Satz '" + rate + "' is not a rate");
  const auto amount = [&](std::string_view name) {
    return reader.amount(reader.attr(node, name), name);
  };
  const Money gross = amount("Brutto");
  const Money withholding_tax = amount("KapESt");
  const Money solidarity_surcharge = amount("SolZ");
  const Money church_tax = amount("KiSt");
  const Money net = amount("Netto");
  const std::string* deposit = deposit_of(contract, directory);
  return InterestDistribution{deposit != nullptr ? *deposit : std::string{},
                              std::move(contract),
                              from,
                              to,
                              std::move(rate),
                              gross,
                              withholding_tax,
                              solidarity_surcharge,
                              church_tax,
                              net};
}

}  // namespace

std::expected<KmSalden, std::string> parse_salden(pugi::xml_node body, Date stichtag,
                                                  const DepositDirectory& directory) {
  const pugi::xml_node answer = find_answer(body, "Salden");
  if (!answer) return std::unexpected(missing_answer(body, "Salden"));
  KmSalden out;
  FieldReader reader;
  const Children items(answer, k_km_namespace);
  for (const auto& [name, c] : items.all()) {
    if (name != "Saldo") continue;
    reader.set_context("km:Saldo #" + std::to_string(out.balances.size() + 1));
    const std::string_view contract = reader.attr(c, "Vertragsnummer");
    reader.set_context("km:Saldo Vertragsnummer " + std::string(contract));
    const std::optional<std::string_view> datum = reader.optional_attr(c, "Datum");
    const Date date = datum ? reader.date(*datum, "Datum") : stichtag;
    const Money balance = reader.amount(c.text().get(), "amount");
    if (!reader.ok()) break;
    if (const std::string* deposit = deposit_of(contract, directory))
      out.balances.push_back(BalanceRecord{*deposit, date, balance});
    else
      ++out.unknown_contracts;
  }
  if (!reader.ok()) return std::unexpected(reader.error());
  return out;
}

std::expected<std::vector<InterestDistribution>, std::string> parse_zinsverteilungen(
    pugi::xml_node body, const DepositDirectory& directory) {
  const pugi::xml_node parent = distribution_parent(body);
  if (!parent) return std::unexpected(missing_answer(body, "Zinsverteilung"));
  std::vector<InterestDistribution> out;
  FieldReader reader;
  const Children items(parent, k_km_namespace);
  for (const auto& [name, c] : items.all()) {
    if (name != "Zinsverteilung") continue;
    reader.set_context("km:Zinsverteilung #" + std::to_string(out.size() + 1));
    out.push_back(read_distribution(c, directory, reader));
    if (!reader.ok()) break;
  }
  if (!reader.ok()) return std::unexpected(reader.error());
  return out;
}

}  // namespace kaution::km
