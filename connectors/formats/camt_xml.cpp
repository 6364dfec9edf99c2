#include "connectors/formats/camt_xml.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

#include "connectors/formats/amount.hpp"

namespace kaution::formats::camt {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && is_space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && is_space(s.back()))
    s.remove_suffix(1);
  return s;
}

bool is_currency_code(std::string_view code) {
  return code.size() == 3 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

}  // namespace

std::string_view local_name(pugi::xml_node node) {
  const char* name = node.name();
  const char* local = name;
  const char* p = name;
  for (; *p != '\0'; ++p)
    if (*p == ':') local = p + 1;
  return std::string_view(local, static_cast<std::size_t>(p - local));
}

pugi::xml_node child(pugi::xml_node node, std::string_view name) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local_name(c) == name) return c;
  return {};
}

pugi::xml_node descend(pugi::xml_node node, std::initializer_list<std::string_view> path) {
  for (std::string_view name : path) {
    node = child(node, name);
    if (!node) break;
  }
  return node;
}

std::string_view text(pugi::xml_node node) {
  return trimmed(node.text().get());
}

std::string_view text_at(pugi::xml_node node, std::initializer_list<std::string_view> path) {
  return text(descend(node, path));
}

std::string element_path(pugi::xml_node node) {
  std::vector<std::string> parts;
  for (; node && node.type() == pugi::node_element; node = node.parent()) {
    const std::string_view name = local_name(node);
    std::size_t index = 0, count = 0;
    for (pugi::xml_node s = node.parent().first_child(); s; s = s.next_sibling()) {
      if (s.type() != pugi::node_element || local_name(s) != name) continue;
      ++count;
      if (s == node) index = count;
    }
    std::string part(name);
    if (count > 1) part += "[" + std::to_string(index) + "]";
    parts.push_back(std::move(part));
  }
  std::string out;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it)
    out += (out.empty() ? "" : "/") + *it;
  return out;
}

ElementResult<Money> amount_of(pugi::xml_node amt, bool credit, std::string_view* currency) {
  const std::string_view ccy = amt.attribute("Ccy").as_string();
  if (ccy.empty()) return std::unexpected(ElementError{amt, "amount without Ccy attribute"});
  if (!is_currency_code(ccy))
    return std::unexpected(ElementError{
        amt, "Ccy \"" + std::string(ccy.substr(0, 20)) + "\" is not an ISO 4217 code"});
  auto value = parse_statement_amount(text(amt), ccy);
  if (!value) return std::unexpected(ElementError{amt, value.error()});
  if (currency != nullptr) *currency = ccy;
  return credit ? *value : -*value;
}

ElementResult<bool> credit_of(pugi::xml_node parent) {
  const pugi::xml_node ind = child(parent, "CdtDbtInd");
  const std::string_view value = text(ind);
  if (value == "CRDT") return true;
  if (value == "DBIT") return false;
  if (!ind) return std::unexpected(ElementError{parent, "missing CdtDbtInd"});
  return std::unexpected(
      ElementError{ind, "CdtDbtInd must be CRDT or DBIT, not \"" + std::string(value) + "\""});
}

ElementResult<StatementDate> date_of(pugi::xml_node node) {
  pugi::xml_node value = child(node, "Dt");
  const bool has_time = !value;
  if (has_time) value = child(node, "DtTm");
  if (!value) return std::unexpected(ElementError{node, "expected Dt or DtTm"});
  const std::string raw(text(value));
  const bool shape_ok = has_time ? raw.size() > 10 && raw[10] == 'T' : raw.size() == 10;
  auto date = Date::parse(std::string_view(raw).substr(0, 10));
  if (!shape_ok || !date)
    return std::unexpected(ElementError{value, "invalid date \"" + raw.substr(0, 40) + "\""});
  return StatementDate{*date, has_time ? raw : std::string{}};
}

}  // namespace kaution::formats::camt
