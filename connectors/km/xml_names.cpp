#include "connectors/km/xml_names.hpp"

#include <string>

namespace kaution::km {

std::string_view local_name(std::string_view qname) {
  const std::size_t colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

std::string_view local_name(pugi::xml_node node) {
  return local_name(std::string_view(node.name()));
}

std::string_view resolve_prefix(pugi::xml_node scope, std::string_view prefix, bool& found) {
  const std::string name = prefix.empty() ? "xmlns" : "xmlns:" + std::string(prefix);
  for (pugi::xml_node n = scope; n && n.type() == pugi::node_element; n = n.parent()) {
    if (pugi::xml_attribute a = n.attribute(name.c_str())) {
      found = true;
      return a.value();
    }
  }
  found = prefix.empty();  // no default declaration: no namespace
  if (prefix == "xml") {
    found = true;
    return "http://www.w3.org/XML/1998/namespace";
  }
  return {};
}

std::string_view namespace_uri(pugi::xml_node node) {
  const std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  const std::string_view prefix =
      colon == std::string_view::npos ? std::string_view{} : name.substr(0, colon);
  bool found = false;
  return resolve_prefix(node, prefix, found);
}

bool is_element(pugi::xml_node node, std::string_view ns, std::string_view local) {
  return node.type() == pugi::node_element && local_name(node) == local &&
         namespace_uri(node) == ns;
}

pugi::xml_node child(pugi::xml_node parent, std::string_view ns, std::string_view local) {
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling())
    if (is_element(c, ns, local)) return c;
  return {};
}

namespace {

bool declares_namespaces(pugi::xml_node node) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute())
    if (std::string_view(a.name()).starts_with("xmlns")) return true;
  return false;
}

std::string_view prefix_of(std::string_view qname) {
  const std::size_t colon = qname.find(':');
  return colon == std::string_view::npos ? std::string_view{} : qname.substr(0, colon);
}

}  // namespace

Children::Children(pugi::xml_node parent, std::string_view ns) {
  std::vector<std::pair<std::string_view, std::string_view>> resolved;  // prefix → URI
  const auto uri_at_parent = [&](std::string_view prefix) {
    for (const auto& [p, uri] : resolved)
      if (p == prefix) return uri;
    bool found = false;
    return resolved.emplace_back(prefix, resolve_prefix(parent, prefix, found)).second;
  };
  for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
    if (c.type() != pugi::node_element) continue;
    const std::string_view name = c.name();
    const std::string_view uri =
        declares_namespaces(c) ? namespace_uri(c) : uri_at_parent(prefix_of(name));
    if (uri == ns) m_all.emplace_back(local_name(name), c);
  }
}

pugi::xml_node Children::get(std::string_view local) const {
  for (const auto& [name, node] : m_all)
    if (name == local) return node;
  return {};
}

pugi::xml_attribute attribute(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    const std::string_view name = a.name();
    if (name.starts_with("xmlns")) continue;
    if (local_name(name) == local) return a;
  }
  return {};
}

}  // namespace kaution::km
