#include "connectors/sandbox/xml_out.hpp"

namespace kaution::sandbox {

XmlOut::XmlOut() : m_text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") {}

void XmlOut::open(std::string_view name) {
  m_text += '<';
  m_text += name;
  m_text += '>';
}

void XmlOut::open(std::string_view name, std::string_view attribute, std::string_view value) {
  m_text += '<';
  m_text += name;
  m_text += ' ';
  m_text += attribute;
  m_text += "=\"";
  escaped(value, true);
  m_text += "\">";
}

void XmlOut::close(std::string_view name) {
  m_text += "</";
  m_text += name;
  m_text += '>';
}

void XmlOut::leaf(std::string_view name, std::string_view text) {
  open(name);
  escaped(text, false);
  close(name);
}

void XmlOut::leaf(std::string_view name, std::string_view attribute, std::string_view value,
                  std::string_view text) {
  open(name, attribute, value);
  escaped(text, false);
  close(name);
}

void XmlOut::escaped(std::string_view text, bool attribute) {
  for (const char c : text) {
    switch (c) {
      case '&':
        m_text += "&amp;";
        break;
      case '<':
        m_text += "&lt;";
        break;
      case '>':
        m_text += "&gt;";
        break;
      case '"':
        if (attribute) {
          m_text += "&quot;";
          break;
        }
        m_text += c;
        break;
      default:
        m_text += c;
    }
  }
}

}  // namespace kaution::sandbox
