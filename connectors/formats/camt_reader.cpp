#include "connectors/formats/camt_reader.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <pugixml.hpp>
#include <vector>

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

// Entries are parsed in batches of about this size.
constexpr std::size_t k_batch_bytes = 256 * 1024;

constexpr std::string_view k_iso_prefix = "urn:iso:std:iso:20022:tech:xsd:";
constexpr int k_newest_tested_version = 10;

// NN of "camt.05x.001.NN" (two digits, ≥ 1); 0 for anything else.
int camt_version(std::string_view format) {
  if (format.size() != 15 || format.substr(8, 5) != ".001.") return 0;
  const char a = format[13], b = format[14];
  if (a < '0' || a > '9' || b < '0' || b > '9') return 0;
  return (a - '0') * 10 + (b - '0');
}

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

// An entry that could not be read: where (document offset, path below its Ntry) and why.
struct EntryError {
  std::size_t index = 0;
  std::size_t offset = 0;
  std::string inner_path;
  std::string reason;
};

class CamtReader {
 public:
  CamtReader(std::span<char> buffer, const std::string& file, const ReleaseFn& release)
      : m_buffer(buffer), m_file(file), m_release(release) {}
  std::expected<Document, ParseError> read();

 private:
  std::string_view text() const { return {m_buffer.data(), m_buffer.size()}; }
  std::unexpected<ParseError> fail(std::size_t offset, std::string path, std::string reason,
                                   bool not_a_statement = false) const;
  std::unexpected<ParseError> fail_at(const camt::ElementError& error) const;
  std::expected<void, ParseError> prepare_encoding();
  std::expected<void, ParseError> use_converted(std::string converted);
  bool validate_utf8_upto(std::size_t end);
  void on_entry(std::size_t index, ByteRange range);
  void flush_batch();
  void reserve_entries(std::size_t parsed_upto);
  std::unexpected<ParseError> fail_entry(const EntryError& error);
  std::expected<pugi::xml_node, ParseError> find_document(std::string& format);
  std::expected<void, ParseError> read_records(pugi::xml_node message, const MessageKind& kind,
                                               Document& out);

  std::span<char> m_buffer;
  const std::string& m_file;
  const ReleaseFn& m_release;
  std::string m_converted;              // the UTF-8 form of a document in another encoding
  std::vector<std::string> m_warnings;  // about the document, for every statement
  bool m_check_utf8 = true;
  std::size_t m_validated = 0;
  std::optional<std::size_t> m_bad_utf8;
  CamtLayout m_layout;
  std::shared_ptr<TextArena> m_texts = std::make_shared<TextArena>();  // shared by the records
  std::vector<Entry> m_entries;    // in document order, until moved into their records
  std::vector<ByteRange> m_batch;  // adjacent entries not yet parsed
  bool m_reserved = false;
  std::optional<EntryError> m_entry_error;
  std::size_t m_taken = 0;
  pugi::xml_document m_skeleton;
  pugi::xml_document m_entry_dom;
};

std::unexpected<ParseError> CamtReader::fail(std::size_t offset, std::string path,
                                             std::string reason, bool not_a_statement) const {
  std::string where = "line " + std::to_string(line_at(text(), offset));
  if (!path.empty()) where += ", " + path;
  return std::unexpected(ParseError{m_file, std::move(where), std::move(reason), not_a_statement});
}

std::unexpected<ParseError> CamtReader::fail_at(const camt::ElementError& error) const {
  const auto offset =
      static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, error.node.offset_debug()));
  return fail(m_layout.document_offset(offset), camt::element_path(error.node), error.reason);
}

bool is_single_byte_western(const std::string& encoding) {
  static constexpr std::array<std::string_view, 9> k_names = {
      "iso-8859-1", "iso8859-1",    "iso_8859-1", "latin1", "l1",
      "cp1252",     "windows-1252", "cp819",      "ibm819"};
  return std::find(k_names.begin(), k_names.end(), encoding) != k_names.end();
}

// UTF-16 by its byte order mark or the first '<'; empty for anything else.
std::string utf16_kind(std::string_view head) {
  if (head.starts_with(std::string_view("\xFF\xFE\0\0", 4)) ||
      head.starts_with(std::string_view("\0\0", 2)))
    return "UTF-32";
  if (head.starts_with("\xFE\xFF") || head.starts_with(std::string_view("\0<", 2)))
    return "UTF-16BE";
  if (head.starts_with("\xFF\xFE") || head.starts_with(std::string_view("<\0", 2)))
    return "UTF-16LE";
  return {};
}

std::expected<void, ParseError> CamtReader::use_converted(std::string converted) {
  m_converted = std::move(converted);
  m_buffer = std::span<char>(m_converted.data(), m_converted.size());
  m_check_utf8 = false;
  return {};
}

// The document as UTF-8: UTF-8 (declared, implied or US-ASCII) is checked while scanning;
// ISO-8859-1 and windows-1252 are read as windows-1252 (as browsers do: bank files declared
// ISO-8859-1 carry € and „“ from windows-1252); a document declared single-byte whose bytes
// are valid UTF-8 with non-ASCII characters is read as UTF-8 with a warning; UTF-16 (by BOM or
// byte pattern) and every other declared encoding glibc's iconv knows (ISO-8859-15, IBM850,
// …) are converted; an unknown encoding, UTF-32 or a byte invalid in the encoding is an error.
std::expected<void, ParseError> CamtReader::prepare_encoding() {
  const std::string utf16 = utf16_kind(text().substr(0, 4));
  if (utf16 == "UTF-32") return fail(0, {}, "UTF-32 documents are not supported");
  if (!utf16.empty()) {
    std::string_view body = text();
    if (body.starts_with("\xFE\xFF") || body.starts_with("\xFF\xFE")) body.remove_prefix(2);
    auto converted = to_utf8(body, utf16);
    if (!converted) return fail(0, {}, "invalid " + utf16 + " document: " + converted.error());
    return use_converted(std::move(*converted));
  }
  const std::string encoding = declared_xml_encoding(text().substr(0, 256));
  if (encoding.empty() || encoding == "utf-8" || encoding == "utf8" || encoding == "us-ascii" ||
      encoding == "ascii")
    return {};
  if (is_single_byte_western(encoding)) {
    const bool utf8 = invalid_utf8_at(text()) == std::string_view::npos;
    if (!utf8) return use_converted(windows1252_to_utf8(text()));
    const bool ascii = std::all_of(text().begin(), text().end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80U; });
    if (!ascii)
      m_warnings.push_back("the document declares encoding \"" + encoding +
                           "\" but its bytes are UTF-8 with non-ASCII characters: read as UTF-8");
    return {};
  }
  auto converted = to_utf8(text(), encoding);
  if (!converted)
    return fail(0, {},
                "declared encoding \"" + encoding + "\" cannot be read: " + converted.error());
  return use_converted(std::move(*converted));
}

// Validates the next part of the document (parts end after a '>', never inside a sequence).
bool CamtReader::validate_utf8_upto(std::size_t end) {
  if (!m_check_utf8 || m_bad_utf8) return !m_bad_utf8;
  const std::size_t bad = invalid_utf8_at(text().substr(m_validated, end - m_validated));
  if (bad != std::string_view::npos) m_bad_utf8 = m_validated + bad;
  m_validated = end;
  return !m_bad_utf8;
}

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Collects adjacent entries as the scanner finds them; they are parsed in batches of about
// k_batch_bytes (one DOM load per batch instead of per entry), then their bytes are released.
// After a first error only the scan goes on (for the error's path).
void CamtReader::on_entry(std::size_t, ByteRange range) {
  if (m_entry_error) return;
  if (!m_batch.empty() &&
      (!is_blank(text().substr(m_batch.back().end, range.begin - m_batch.back().end)) ||
       range.end - m_batch.front().begin > k_batch_bytes))
    flush_batch();
  m_batch.push_back(range);
}

void CamtReader::flush_batch() {
  if (m_batch.empty() || m_entry_error) return;
  const std::size_t first = m_entries.size();
  const ByteRange all{m_batch.front().begin, m_batch.back().end};
  const auto entry_at = [&](std::size_t offset) {
    std::size_t k = 0;
    while (k + 1 < m_batch.size() && m_batch[k].end <= offset)
      ++k;
    return first + k;
  };
  if (!validate_utf8_upto(all.end)) return;
  const pugi::xml_parse_result parsed =
      m_entry_dom.load_buffer_inplace(m_buffer.data() + all.begin, all.end - all.begin,
                                      k_parse_flags | pugi::parse_fragment, pugi::encoding_utf8);
  if (!parsed) {
    const std::size_t offset = all.begin + static_cast<std::size_t>(parsed.offset);
    m_entry_error = EntryError{
        entry_at(offset), offset, {}, std::string("malformed XML: ") + parsed.description()};
    return;
  }
  for (pugi::xml_node ntry = m_entry_dom.first_child(); ntry; ntry = ntry.next_sibling()) {
    if (ntry.type() != pugi::node_element) continue;
    auto entry = camt::read_entry(ntry, *m_texts, m_entries.emplace_back());
    if (entry) continue;
    m_entries.pop_back();
    const std::string path = camt::element_path(entry.error().node);
    const std::size_t slash = path.find('/');
    const std::size_t offset = all.begin + static_cast<std::size_t>(std::max<std::ptrdiff_t>(
                                               0, entry.error().node.offset_debug()));
    m_entry_error =
        EntryError{entry_at(offset), offset, slash == std::string::npos ? "" : path.substr(slash),
                   entry.error().reason};
    return;
  }
  m_batch.clear();
  reserve_entries(all.end);
  if (m_release) m_release(all.end);
}

// After the first batch, room for the entries the rest of the document likely holds (at the
// same bytes per entry), so that the vector does not move them while growing.
void CamtReader::reserve_entries(std::size_t parsed_upto) {
  if (m_reserved || m_entries.empty()) return;
  m_reserved = true;
  const std::size_t per_entry = std::max<std::size_t>(1, parsed_upto / m_entries.size());
  m_entries.reserve(m_entries.size() + (m_buffer.size() - parsed_upto) / per_entry * 5 / 4);
}

std::unexpected<ParseError> CamtReader::fail_entry(const EntryError& error) {
  const std::string index = std::to_string(error.index);
  const pugi::xml_node placeholder = m_skeleton.find_node([&](pugi::xml_node n) {
    return local_name(n) == "Ntry" && index == n.attribute("i").as_string();
  });
  return fail(error.offset, camt::element_path(placeholder) + error.inner_path, error.reason);
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
  if (camt) {
    const int version = camt_version(format);
    if (version <= 0)
      return fail(m_layout.document_offset(static_cast<std::size_t>(
                      std::max<std::ptrdiff_t>(0, document.offset_debug()))),
                  "Document",
                  "unknown camt version \"" + format.substr(0, 60) +
                      "\" (expected camt.05x.001.NN, e.g. camt.053.001.08)");
    if (version > k_newest_tested_version)
      m_warnings.push_back(format + " is newer than the versions this parser was tested with " +
                           "(001.01 to 001.10): read by element names");
  }
  return document;
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
    if (!statement) return fail_at(statement.error());
    statement->texts = m_texts;
    std::vector<std::size_t> indices;
    for_each_entry(record,
                   [&](pugi::xml_node c) { indices.push_back(c.attribute("i").as_ullong()); });
    const bool all_in_order = indices.size() == m_entries.size() && m_taken == 0 &&
                              (indices.empty() || indices.back() + 1 == indices.size());
    if (all_in_order) {
      statement->entries = std::move(m_entries);  // the usual case: one record, no copy
    } else {
      statement->entries.reserve(indices.size());
      for (std::size_t i : indices)
        statement->entries.push_back(std::move(m_entries.at(i)));
    }
    m_taken += indices.size();
    out.statements.push_back(std::move(*statement));
  }
  if (out.statements.empty())
    return fail(0, camt::element_path(message),
                std::string(local_name(message)) + " contains no " + std::string(kind.record));
  if (m_taken != m_layout.entries.size())
    return fail(0, camt::element_path(message),
                "an Ntry outside a " + std::string(kind.record) + " element");
  return {};
}

std::expected<Document, ParseError> CamtReader::read() {
  if (auto encoding = prepare_encoding(); !encoding) return std::unexpected(encoding.error());
  auto layout =
      split_entries(text(), [this](std::size_t index, ByteRange range) { on_entry(index, range); });
  if (!layout) return fail(layout.error().offset, {}, "malformed XML: " + layout.error().reason);
  flush_batch();
  m_layout = std::move(*layout);
  validate_utf8_upto(m_buffer.size());
  if (m_bad_utf8)
    return fail(*m_bad_utf8, {},
                "invalid UTF-8 at byte " + std::to_string(*m_bad_utf8) +
                    " (UTF-8 is declared or implied; an ISO-8859-1 document must declare it)");
  const pugi::xml_parse_result parsed = m_skeleton.load_buffer_inplace(
      m_layout.skeleton.data(), m_layout.skeleton.size(), k_parse_flags, pugi::encoding_utf8);
  if (!parsed)
    return fail(m_layout.document_offset(static_cast<std::size_t>(parsed.offset)), {},
                std::string("malformed XML: ") + parsed.description());
  Document out{m_file, {}, {}};
  auto document = find_document(out.format);
  if (!document) return std::unexpected(document.error());
  if (m_entry_error) return fail_entry(*m_entry_error);
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
    for (Statement& statement : out.statements)
      statement.warnings.insert(statement.warnings.begin(), m_warnings.begin(), m_warnings.end());
    return out;
  }
  const std::string what = message ? "<" + std::string(local_name(message)) + ">" : "nothing";
  return fail(0, "Document",
              "not a bank statement: the Document holds " + what +
                  ", not BkToCstmrStmt, BkToCstmrAcctRpt or BkToCstmrDbtCdtNtfctn",
              out.format.empty());
}

}  // namespace

std::expected<Document, ParseError> read_camt(std::span<char> buffer, const std::string& file,
                                              const ReleaseFn& release) {
  CamtReader reader(buffer, file, release);
  return reader.read();
}

}  // namespace kaution::formats
