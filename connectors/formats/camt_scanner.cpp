#include "connectors/formats/camt_scanner.hpp"

#include <algorithm>

namespace kaution::formats {
namespace {

bool is_name_char(char c) {
  return c != '>' && c != '/' && c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\0';
}

std::string_view local_part(std::string_view name) {
  const std::size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// Where markup starting at `lt` ('<') that is not an element ends (one past it), 0 when it is
// an element, npos when unterminated.
std::size_t skip_special(std::string_view doc, std::size_t lt) {
  if (lt + 1 >= doc.size() || (doc[lt + 1] != '!' && doc[lt + 1] != '?')) return 0;
  const std::string_view rest = doc.substr(lt);
  const auto after = [&](std::string_view close, std::size_t from) {
    const std::size_t at = doc.find(close, lt + from);
    return at == std::string_view::npos ? at : at + close.size();
  };
  if (rest.starts_with("<!--")) return after("-->", 4);
  if (rest.starts_with("<![CDATA[")) return after("]]>", 9);
  if (rest.starts_with("<?")) return after("?>", 2);
  if (rest.starts_with("<!")) return after(">", 2);
  return 0;
}

std::string_view tag_name(std::string_view doc, std::size_t from) {
  std::size_t end = from;
  while (end < doc.size() && is_name_char(doc[end]))
    ++end;
  return doc.substr(from, end - from);
}

// End (one past '>') of the tag whose '<' is at `lt`, honouring quoted attribute values.
std::size_t tag_end(std::string_view doc, std::size_t lt) {
  char quote = 0;
  for (std::size_t i = lt + 1; i < doc.size(); ++i) {
    const char c = doc[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// End of the element named `name` whose start tag ends at `from`.
std::expected<std::size_t, ScanError> element_end(std::string_view doc, std::string_view name,
                                                  std::size_t start, std::size_t from) {
  std::size_t pos = from;
  while (true) {
    const std::size_t lt = doc.find('<', pos);
    if (lt == std::string_view::npos) break;
    const std::size_t special = skip_special(doc, lt);
    if (special == std::string_view::npos)
      return std::unexpected(ScanError{lt, "unterminated markup"});
    if (special != 0) {
      pos = special;
      continue;
    }
    if (doc.substr(lt + 1).starts_with('/') && tag_name(doc, lt + 2) == name) {
      const std::size_t gt = tag_end(doc, lt);
      if (gt == std::string_view::npos) break;
      return gt;
    }
    pos = lt + 1;
  }
  return std::unexpected(ScanError{start, "<" + std::string(name) + "> has no end tag"});
}

}  // namespace

std::size_t CamtLayout::document_offset(std::size_t skeleton_offset) const {
  auto it =
      std::upper_bound(segments.begin(), segments.end(), std::pair{skeleton_offset, SIZE_MAX});
  if (it == segments.begin()) return skeleton_offset;
  --it;
  return it->second + (skeleton_offset - it->first);
}

std::expected<CamtLayout, ScanError> split_entries(std::string_view doc,
                                                   const EntryVisitor& on_entry) {
  CamtLayout layout;
  std::size_t copied = 0;  // document offset up to which the skeleton holds the text
  std::size_t pos = 0;
  layout.segments.emplace_back(0, 0);
  while (true) {
    const std::size_t lt = doc.find('<', pos);
    if (lt == std::string_view::npos) break;
    const std::size_t special = skip_special(doc, lt);
    if (special == std::string_view::npos)
      return std::unexpected(ScanError{lt, "unterminated markup"});
    if (special != 0) {
      pos = special;
      continue;
    }
    const std::string_view name = tag_name(doc, lt + 1);
    if (local_part(name) != "Ntry" || name.empty()) {
      pos = lt + 1;
      continue;
    }
    const std::size_t gt = tag_end(doc, lt);
    if (gt == std::string_view::npos) return std::unexpected(ScanError{lt, "unterminated tag"});
    std::size_t end = gt;
    if (doc[gt - 2] != '/') {
      auto closed = element_end(doc, name, lt, gt);
      if (!closed) return std::unexpected(closed.error());
      end = *closed;
    }
    layout.skeleton.append(doc.substr(copied, lt - copied));
    layout.skeleton += "<Ntry i=\"" + std::to_string(layout.entries.size()) + "\"/>";
    layout.entries.push_back({lt, end});
    layout.segments.emplace_back(layout.skeleton.size(), end);
    copied = end;
    pos = end;
    if (on_entry) on_entry(layout.entries.size() - 1, layout.entries.back());
  }
  layout.skeleton.append(doc.substr(copied));
  return layout;
}

}  // namespace kaution::formats
