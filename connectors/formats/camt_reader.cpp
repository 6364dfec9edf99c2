#include "connectors/formats/camt_reader.hpp"

#include <array>
#include <pugixml.hpp>

#include "connectors/formats/camt_entry.hpp"
#include "connectors/formats/camt_scanner.hpp"
#include "connectors/formats/camt_statement.hpp"
#include "connectors/formats/text_encoding.hpp"

namespace kaution::formats {
namespace {

using camt::child;
using camt::local_name;

// Escapes and CDATA decoded, line ends normalised, text embedded in its element (smaller DOM).
constexpr unsigned k_parse_flags =
    pugi::parse_escapes | pugi::parse_eol | pugi::parse_cdata | pugi::parse_embed_pcdata;

constexpr std::string_view k_iso_prefix = "urn:iso:std:iso:20022:tech:xsd:";

struct MessageKind {
  std::string_view container;  // local-name prefix of the message element
  std::string_view record;     // local name of a record inside it
  std::string_view type;       // "camt.053"
};
constexpr std::array<MessageKind, 3> k_kinds = {{
    {"BkToCstmrAcctRpt", "Rpt", "camt.052"},
    {"BkToCstmrStmt", "Stmt", "camt.053"},
    {"BkToCstmrDbtCdtNtfctn", "Ntfctn", "camt.054"},
}};

class CamtReader {
 public:
  CamtReader(std::string& buffer, const std::string& file) : m_buffer(buffer), m_file(file) {}
  std::expected<Document, ParseError> read();

 private:
  std::unexpected<ParseError> fail(std::size_t offset, std::string path, std::string reason,
                                   bool not_a_statement = false) const;
  std::unexpected<ParseError> fail_at(const camt::ElementError& error, std::size_t base,
                                      const std::string& outer_path) const;
  std::expected<void, ParseError> prepare_encoding();
  std::expected<pugi::xml_node, ParseError> find_document(std::string& format);
  std::expected<void, ParseError> read_records(pugi::xml_node message, const MessageKind& kind,
                                               Document& out);
  std::expected<Entry, ParseError> read_entry(pugi::xml_node placeholder);

  std::string& m_buffer;
  const std::string& m_file;
  CamtLayout m_layout;
  pugi::xml_document m_skeleton;
  pugi::xml_document m_entry_dom;
};

std::unexpected<ParseError> CamtReader::fail(std::size_t offset, std::string path,
                                             std::string reason, bool not_a_statement) const {
  std::string where = "line " + std::to_string(line_at(m_buffer, offset));
  if (!path.empty()) where += ", " + path;
  return std::unexpected(ParseError{m_file, std::move(where), std::move(reason), not_a_statement});
}

// `base` maps DOM offsets to document offsets: SIZE_MAX for the skeleton, else the entry start.
std::unexpected<ParseError> CamtReader::fail_at(const camt::ElementError& error, std::size_t base,
                                                const std::string& outer_path) const {
  const auto offset =
      static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, error.node.offset_debug()));
  const std::size_t doc_offset =
      base == SIZE_MAX ? m_layout.document_offset(offset) : base + offset;
  std::string path = camt::element_path(error.node);
  if (!outer_path.empty()) {
    // The entry DOM's root is the Ntry itself: replace it by its full path.
    const std::size_t slash = path.find('/');
    path = outer_path + (slash == std::string::npos ? "" : path.substr(slash));
  }
  return fail(doc_offset, std::move(path), error.reason);
}

std::expected<void, ParseError> CamtReader::prepare_encoding() {
  const std::string_view head(m_buffer.data(), std::min<std::size_t>(m_buffer.size(), 4));
  const bool utf16_or_32 = head.starts_with("\xFE\xFF") || head.starts_with("\xFF\xFE") ||
                           head.starts_with(std::string_view("<\0", 2)) ||
                           head.starts_with(std::string_view("\0<", 2)) ||
                           head.starts_with(std::string_view("\0\0", 2));
  if (utf16_or_32) return fail(0, {}, "UTF-16/UTF-32 documents are not supported");
  const std::string encoding = declared_xml_encoding(m_buffer);
  if (encoding == "iso-8859-1" || encoding == "latin1" || encoding == "iso_8859-1" ||
      encoding == "l1") {
    m_buffer = latin1_to_utf8(m_buffer);
    return {};
  }
  if (!encoding.empty() && encoding != "utf-8" && encoding != "utf8" && encoding != "us-ascii")
    return fail(0, {}, "unsupported encoding \"" + encoding + "\" (UTF-8 or ISO-8859-1 expected)");
  if (const std::size_t bad = invalid_utf8_at(m_buffer); bad != std::string::npos)
    return fail(bad, {},
                "invalid UTF-8 at byte " + std::to_string(bad) +
                    " (the document declares UTF-8; ISO-8859-1 must be declared)");
  return {};
}

// The element's namespace URI from the xmlns attribute in scope for its prefix.
std::string namespace_of(pugi::xml_node node) {
  const std::string_view name = node.name();
  const std::size_t colon = name.rfind(':');
  const std::string attr =
      colon == std::string_view::npos ? "xmlns" : "xmlns:" + std::string(name.substr(0, colon));
  for (pugi::xml_node n = node; n; n = n.parent())
    if (pugi::xml_attribute a = n.attribute(attr.c_str())) return a.as_string();
  return {};
}

std::expected<pugi::xml_node, ParseError> CamtReader::find_document(std::string& format) {
  pugi::xml_node root = m_skeleton.document_element();
  pugi::xml_node document = local_name(root) == "Document" ? root : child(root, "Document");
  if (!document)
    return fail(0, std::string(root.name()),
                "not a bank statement: root element <" + std::string(root.name()) +
                    "> is not an ISO 20022 Document",
                true);
  const std::string ns = namespace_of(document);
  if (ns.starts_with(k_iso_prefix)) format = ns.substr(k_iso_prefix.size());
  const bool camt = format.starts_with("camt.052") || format.starts_with("camt.053") ||
                    format.starts_with("camt.054");
  if (!format.empty() && !camt)
    return fail(0, "Document", "not a bank statement: " + format + " (expected camt.052/053/054)",
                true);
  if (format.empty() && !ns.empty())
    return fail(0, "Document", "not a bank statement: unknown namespace \"" + ns + "\"", true);
  return document;
}

std::expected<Entry, ParseError> CamtReader::read_entry(pugi::xml_node placeholder) {
  const std::size_t index = placeholder.attribute("i").as_ullong();
  const ByteRange range = m_layout.entries.at(index);
  const pugi::xml_parse_result parsed = m_entry_dom.load_buffer_inplace(
      m_buffer.data() + range.begin, range.end - range.begin, k_parse_flags, pugi::encoding_utf8);
  if (!parsed)
    return fail(range.begin + static_cast<std::size_t>(parsed.offset),
                camt::element_path(placeholder),
                std::string("malformed XML: ") + parsed.description());
  auto entry = camt::read_entry(m_entry_dom.document_element());
  // The path costs a walk over the siblings: only on error.
  if (!entry) return fail_at(entry.error(), range.begin, camt::element_path(placeholder));
  return std::move(*entry);
}

template <typename Visit>
void for_each_entry(pugi::xml_node record, Visit&& visit) {
  for (pugi::xml_node c = record.first_child(); c; c = c.next_sibling())
    if (local_name(c) == "Ntry") visit(c);
}

std::expected<void, ParseError> CamtReader::read_records(pugi::xml_node message,
                                                         const MessageKind& kind, Document& out) {
  for (pugi::xml_node record = message.first_child(); record; record = record.next_sibling()) {
    if (local_name(record) != kind.record) continue;
    auto statement = camt::read_statement_header(record);
    if (!statement) return fail_at(statement.error(), SIZE_MAX, {});
    std::size_t count = 0;
    for_each_entry(record, [&](pugi::xml_node) { ++count; });
    statement->entries.reserve(count);
    for (pugi::xml_node c = record.first_child(); c; c = c.next_sibling()) {
      if (local_name(c) != "Ntry") continue;
      auto entry = read_entry(c);
      if (!entry) return std::unexpected(entry.error());
      statement->entries.push_back(std::move(*entry));
    }
    out.statements.push_back(std::move(*statement));
  }
  if (out.statements.empty())
    return fail(0, camt::element_path(message),
                std::string(local_name(message)) + " contains no " + std::string(kind.record));
  return {};
}

std::expected<Document, ParseError> CamtReader::read() {
  if (auto encoding = prepare_encoding(); !encoding) return std::unexpected(encoding.error());
  auto layout = split_entries(m_buffer);
  if (!layout) return fail(layout.error().offset, {}, "malformed XML: " + layout.error().reason);
  m_layout = std::move(*layout);
  const pugi::xml_parse_result parsed = m_skeleton.load_buffer_inplace(
      m_layout.skeleton.data(), m_layout.skeleton.size(), k_parse_flags, pugi::encoding_utf8);
  if (!parsed)
    return fail(m_layout.document_offset(static_cast<std::size_t>(parsed.offset)), {},
                std::string("malformed XML: ") + parsed.description());
  Document out{m_file, {}, {}};
  auto document = find_document(out.format);
  if (!document) return std::unexpected(document.error());
  const pugi::xml_node message =
      document->find_child([](pugi::xml_node n) { return n.type() == pugi::node_element; });
  for (const MessageKind& kind : k_kinds) {
    if (!message || !local_name(message).starts_with(kind.container)) continue;
    if (!out.format.empty() && !out.format.starts_with(kind.type))
      return fail(0, camt::element_path(message),
                  "namespace says " + out.format + " but the message is " +
                      std::string(local_name(message)));
    if (out.format.empty()) out.format = kind.type;
    if (auto records = read_records(message, kind, out); !records)
      return std::unexpected(records.error());
    return out;
  }
  const std::string what = message ? "<" + std::string(local_name(message)) + ">" : "nothing";
  return fail(0, "Document",
              "not a bank statement: the Document holds " + what +
                  ", not BkToCstmrStmt, BkToCstmrAcctRpt or BkToCstmrDbtCdtNtfctn",
              out.format.empty());
}

}  // namespace

std::expected<Document, ParseError> read_camt(std::string& buffer, const std::string& file) {
  CamtReader reader(buffer, file);
  return reader.read();
}

}  // namespace kaution::formats
