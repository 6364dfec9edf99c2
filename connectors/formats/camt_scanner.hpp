#pragma once
// Splits a camt document into a small skeleton (everything but the entries) and the byte
// ranges of its <Ntry> elements, so that each entry is parsed on its own and the DOM never
// holds more than the skeleton and one entry: peak memory stays near the file size.

#include <cstddef>
#include <expected>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kaution::formats {

struct ByteRange {
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct CamtLayout {
  // The document with the i-th Ntry element (any prefix) replaced by <Ntry i="i"/>.
  std::string skeleton;
  std::vector<ByteRange> entries;  // in document order
  // Pairs (skeleton offset, document offset) where copied segments start, for error lines.
  std::vector<std::pair<std::size_t, std::size_t>> segments;

  std::size_t document_offset(std::size_t skeleton_offset) const;
};

// Comments, CDATA sections and processing instructions are skipped. The error names the
// document offset of an unterminated construct or an Ntry without its end tag.
struct ScanError {
  std::size_t offset = 0;
  std::string reason;
};

// Called for each entry as soon as its end is found, in document order, with its index and
// range; every byte before `range.end` has then been scanned and copied where needed, so the
// caller may parse the entry and drop what lies before it.
using EntryVisitor = std::function<void(std::size_t index, ByteRange range)>;
std::expected<CamtLayout, ScanError> split_entries(std::string_view document,
                                                   const EntryVisitor& on_entry = {});

}  // namespace kaution::formats
