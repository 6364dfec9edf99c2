#include "connectors/km/answer_reader.hpp"

#include "connectors/km/km_values.hpp"
#include "connectors/km/xml_names.hpp"
#include "mapping/km_record.hpp"

namespace kaution::km {

std::string_view FieldReader::text(const Children& children, std::string_view local) {
  if (!ok()) return {};
  const pugi::xml_node c = children.get(local);
  if (!c) {
    fail("km:" + std::string(local) + " is missing");
    return {};
  }
  const std::string_view value = trim(c.text().get());
  if (value.empty()) fail("km:" + std::string(local) + " is empty");
  return value;
}

std::string_view FieldReader::optional_text(const Children& children, std::string_view local) {
  if (!ok()) return {};
  return trim(children.get(local).text().get());
}

std::string_view FieldReader::attr(pugi::xml_node node, std::string_view local) {
  if (!ok()) return {};
  const std::optional<std::string_view> value = optional_attr(node, local);
  if (!value) fail("attribute " + std::string(local) + " is missing");
  if (value && value->empty()) fail("attribute " + std::string(local) + " is empty");
  return value.value_or(std::string_view{});
}

std::optional<std::string_view> FieldReader::optional_attr(pugi::xml_node node,
                                                           std::string_view local) {
  const pugi::xml_attribute a = attribute(node, local);
  if (!a) return std::nullopt;
  return trim(a.value());
}

Money FieldReader::amount(std::string_view text, std::string_view field) {
  if (!ok()) return {};
  auto parsed = parse_amount(text);
  if (!parsed) fail(std::string(field) + ": " + parsed.error());
  return parsed.value_or(Money{});
}

Date FieldReader::date(std::string_view text, std::string_view field) {
  if (!ok()) return Date::from_days(0);
  auto parsed = parse_date(text);
  if (!parsed) fail(std::string(field) + ": " + parsed.error());
  return parsed.value_or(Date::from_days(0));
}

bool FieldReader::boolean(std::string_view text, std::string_view field) {
  if (!ok()) return false;
  auto parsed = parse_bool(text);
  if (!parsed) fail(std::string(field) + ": " + parsed.error());
  return parsed.value_or(false);
}

void FieldReader::fail(std::string_view detail) {
  if (!ok()) return;
  m_error = m_where.empty() ? std::string(detail) : m_where + ": " + std::string(detail);
}

pugi::xml_node find_answer(pugi::xml_node body, std::string_view local) {
  if (pugi::xml_node direct = child(body, k_km_namespace, local)) return direct;
  for (pugi::xml_node c = body.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element)
      if (pugi::xml_node inner = child(c, k_km_namespace, local)) return inner;
  return {};
}

std::string missing_answer(pugi::xml_node body, std::string_view local) {
  std::string message =
      "no km:" + std::string(local) + " (" + std::string(k_km_namespace) + ") in soap:Body";
  const pugi::xml_node first =
      body.find_child([](pugi::xml_node n) { return n.type() == pugi::node_element; });
  if (!first) return message + ", which is empty";
  return message + "; found <" + std::string(first.name()) + "> in namespace '" +
         std::string(namespace_uri(first)) + "'";
}

}  // namespace kaution::km
