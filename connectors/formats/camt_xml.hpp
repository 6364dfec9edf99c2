#pragma once
// Small helpers over pugixml for camt: elements are matched by local name (any prefix),
// text is trimmed, and errors point at the offending element.

#include <expected>
#include <initializer_list>
#include <pugixml.hpp>
#include <string>
#include <string_view>

#include "connectors/formats/statement_model.hpp"

namespace kaution::formats::camt {

struct ElementError {
  pugi::xml_node node;  // the element at fault (or its parent when it is missing)
  std::string reason;
};
template <typename T>
using ElementResult = std::expected<T, ElementError>;

std::string_view local_name(pugi::xml_node node);
// Calls `visit(local_name, child)` for every child element of `node`, in one pass.
template <typename Visit>
void for_each_child(pugi::xml_node node, Visit&& visit) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    visit(local_name(c), c);
  }
}
// First child element with local name `name`; an empty node when there is none.
pugi::xml_node child(pugi::xml_node node, std::string_view name);
pugi::xml_node descend(pugi::xml_node node, std::initializer_list<std::string_view> path);
// Trimmed text content of `node` (empty for an empty node): a view into the DOM.
std::string_view text(pugi::xml_node node);
std::string_view text_at(pugi::xml_node node, std::initializer_list<std::string_view> path);
// "Stmt[2]/Ntry[3]/Amt": local names from below the root, indexed where names repeat.
std::string element_path(pugi::xml_node node);

// <Amt Ccy="EUR">12.50</Amt> with the sign of the sibling CdtDbtInd-like `credit` flag; the
// currency (three capital letters) is stored in `currency` (a view into the DOM).
ElementResult<Money> amount_of(pugi::xml_node amt, bool credit, std::string_view* currency);
// CRDT → true, DBIT → false; `parent` must have a CdtDbtInd child.
ElementResult<bool> credit_of(pugi::xml_node parent);
// A Dt/DtTm choice below `node` (BookgDt, ValDt, Bal/Dt).
ElementResult<StatementDate> date_of(pugi::xml_node node);

}  // namespace kaution::formats::camt
