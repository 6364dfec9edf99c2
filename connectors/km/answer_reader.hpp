#pragma once
// FieldReader: reads the fields of km answer elements (namespace km, attributes unprefixed),
// keeping the first problem with the element it was found in; after a problem every read
// returns an empty value, so that a parser checks ok() once per element. Used by the answer
// parsers only.

#include <optional>
#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "connectors/km/xml_names.hpp"
#include "core/date.hpp"
#include "core/money.hpp"

namespace kaution::km {

class FieldReader {
 public:
  // Names the element now being read in messages, e.g. "km:Umsatz #3 (BuchungsId KM-B-1)".
  void set_context(std::string where) { m_where = std::move(where); }

  // The trimmed text of km child {local}; a problem when it is missing or empty.
  std::string_view text(const Children& children, std::string_view local);
  // The trimmed text of km child {local}; "" when missing or empty.
  std::string_view optional_text(const Children& children, std::string_view local);
  // The trimmed value of attribute {local}; a problem when missing or empty.
  std::string_view attr(pugi::xml_node node, std::string_view local);
  std::optional<std::string_view> optional_attr(pugi::xml_node node, std::string_view local);

  // `text` as a signed km amount / date / boolean; `field` names it in the message.
  Money amount(std::string_view text, std::string_view field);
  Date date(std::string_view text, std::string_view field);
  bool boolean(std::string_view text, std::string_view field);

  void fail(std::string_view detail);
  bool ok() const { return m_error.empty(); }
  const std::string& error() const { return m_error; }

 private:
  std::string m_where;
  std::string m_error;
};

// The answer element km:{local}: a child of soap:Body, or a grandchild inside one wrapper
// element (e.g. <km:UmsaetzeAbrufenAntwort><km:Umsaetze>); an empty node when absent.
pugi::xml_node find_answer(pugi::xml_node body, std::string_view local);

// The message for a missing answer element, naming what the body holds instead.
std::string missing_answer(pugi::xml_node body, std::string_view local);

}  // namespace kaution::km
