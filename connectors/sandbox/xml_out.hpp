#pragma once
// A streaming XML writer for large documents (camt statements with 100 000s of entries):
// appends to one string, escapes text and attribute values, no DOM.

#include <string>
#include <string_view>

namespace kaution::sandbox {

class XmlOut {
 public:
  // Closes its element when it goes out of scope.
  class Scope {
   public:
    Scope(XmlOut& out, std::string_view name) : m_out(out), m_name(name) { m_out.open(name); }
    ~Scope() { m_out.close(m_name); }
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    XmlOut& m_out;
    std::string_view m_name;
  };

  XmlOut();  // starts with the XML declaration

  void open(std::string_view name);
  // <name attribute="value">
  void open(std::string_view name, std::string_view attribute, std::string_view value);
  void close(std::string_view name);
  // <name>text</name>
  void leaf(std::string_view name, std::string_view text);
  // <name attribute="value">text</name>
  void leaf(std::string_view name, std::string_view attribute, std::string_view value,
            std::string_view text);
  std::string take() { return std::move(m_text); }

 private:
  void escaped(std::string_view text, bool attribute);
  std::string m_text;
};

}  // namespace kaution::sandbox
