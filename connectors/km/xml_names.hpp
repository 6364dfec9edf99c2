#pragma once
// Namespace-aware reading of pugixml trees (pugixml itself sees only prefixed names): elements
// are matched by namespace URI and local name, whatever prefix the sender chose.

#include <string_view>
#include <utility>
#include <vector>

#include <pugixml.hpp>

namespace kaution::km {

inline constexpr std::string_view k_soap_ns = "http://schemas.xmlsoap.org/soap/envelope/";
inline constexpr std::string_view k_wsse_ns =
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
inline constexpr std::string_view k_password_text_type =
    "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0"
    "#PasswordText";

// "Umsatz" for <km:Umsatz> and <Umsatz>.
std::string_view local_name(std::string_view qname);
std::string_view local_name(pugi::xml_node node);

// The URI bound to `prefix` ("" = the default namespace) at `scope`, looking through its
// ancestors; `found` false when no declaration binds it.
std::string_view resolve_prefix(pugi::xml_node scope, std::string_view prefix, bool& found);

// The element's namespace URI; "" when it has none or its prefix is unbound.
std::string_view namespace_uri(pugi::xml_node node);

bool is_element(pugi::xml_node node, std::string_view ns, std::string_view local);

// The first child element `{ns}local`, or an empty node.
pugi::xml_node child(pugi::xml_node parent, std::string_view ns, std::string_view local);

// The element children of `parent` in namespace `ns`, by local name, found in one pass that
// resolves each prefix once (a child that declares namespaces itself is resolved on its own).
// Lookups return the first child of a name. For the many small elements of a long answer.
class Children {
 public:
  Children(pugi::xml_node parent, std::string_view ns);
  pugi::xml_node get(std::string_view local) const;
  const std::vector<std::pair<std::string_view, pugi::xml_node>>& all() const { return m_all; }

 private:
  std::vector<std::pair<std::string_view, pugi::xml_node>> m_all;  // local name, element
};

// The attribute named `local`, unprefixed (as km.md writes them) or with any prefix; an
// empty attribute when absent.
pugi::xml_attribute attribute(pugi::xml_node node, std::string_view local);

}  // namespace kaution::km
