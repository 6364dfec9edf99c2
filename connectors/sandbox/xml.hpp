#pragma once
// pugixml helpers for the sandbox's documents: building (text children, amounts) and reading
// with namespaces (pugixml itself knows only prefixed names).

#include <string>
#include <string_view>

#include <pugixml.hpp>

namespace kaution::sandbox::xml {

// Appends <name>text</name> and returns it.
pugi::xml_node add(pugi::xml_node parent, const char* name, std::string_view text);
// The document with an XML declaration, unindented.
std::string serialize(const pugi::xml_document& document);

// The part of a node name after its prefix.
std::string_view local_name(pugi::xml_node node);
// The namespace URI a node's prefix (or the default namespace) is bound to; empty if none.
std::string namespace_of(pugi::xml_node node);
// The first child element with this local name and namespace.
pugi::xml_node child(pugi::xml_node parent, std::string_view local, std::string_view ns);
// Trimmed text of the node (its first PCDATA/CDATA child).
std::string text(pugi::xml_node node);

}  // namespace kaution::sandbox::xml
