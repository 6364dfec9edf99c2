#include "connectors/formats/zip_reader.hpp"

#include <minizip/unzip.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace kaution::formats {
namespace {

// A read-only in-memory stream for minizip's I/O callbacks.
struct MemoryStream {
  std::string_view data;
  std::size_t pos = 0;
};

voidpf ZCALLBACK open_memory(voidpf opaque, const void*, int) {
  return opaque;
}

uLong ZCALLBACK read_memory(voidpf, voidpf stream, void* buf, uLong size) {
  auto* s = static_cast<MemoryStream*>(stream);
  const std::size_t n = std::min<std::size_t>(size, s->data.size() - s->pos);
  std::memcpy(buf, s->data.data() + s->pos, n);
  s->pos += n;
  return static_cast<uLong>(n);
}

uLong ZCALLBACK write_memory(voidpf, voidpf, const void*, uLong) {
  return 0;
}

ZPOS64_T ZCALLBACK tell_memory(voidpf, voidpf stream) {
  return static_cast<MemoryStream*>(stream)->pos;
}

long ZCALLBACK seek_memory(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
  auto* s = static_cast<MemoryStream*>(stream);
  ZPOS64_T base = 0;
  if (origin == ZLIB_FILEFUNC_SEEK_CUR) base = s->pos;
  if (origin == ZLIB_FILEFUNC_SEEK_END) base = s->data.size();
  if (offset > s->data.size() || base > s->data.size() - offset) return -1;
  s->pos = static_cast<std::size_t>(base + offset);
  return 0;
}

int ZCALLBACK close_memory(voidpf, voidpf) {
  return 0;
}
int ZCALLBACK error_memory(voidpf, voidpf) {
  return 0;
}

struct UnzCloser {
  void operator()(void* handle) const { unzClose(handle); }
};

std::expected<std::string, ZipError> read_current(unzFile zip, const std::string& name,
                                                  std::size_t max_bytes) {
  if (unzOpenCurrentFile(zip) != UNZ_OK)
    return std::unexpected(ZipError{name, "cannot open entry"});
  std::string bytes;
  char chunk[65536];
  int n = 0;
  while ((n = unzReadCurrentFile(zip, chunk, sizeof chunk)) > 0) {
    if (bytes.size() + static_cast<std::size_t>(n) > max_bytes) {
      unzCloseCurrentFile(zip);
      return std::unexpected(
          ZipError{name, "entry larger than " + std::to_string(max_bytes) + " bytes"});
    }
    bytes.append(chunk, static_cast<std::size_t>(n));
  }
  // unzCloseCurrentFile checks the CRC once the whole entry was read.
  const int closed = unzCloseCurrentFile(zip);
  if (n < 0 || closed != UNZ_OK)
    return std::unexpected(
        ZipError{name, "damaged entry (zip error " + std::to_string(n < 0 ? n : closed) + ")"});
  return bytes;
}

}  // namespace

std::expected<void, ZipError> for_each_zip_entry(
    std::string_view data, const std::function<void(const std::string&, std::string)>& on_entry,
    std::size_t max_entry_bytes) {
  MemoryStream stream{data, 0};
  zlib_filefunc64_def io{open_memory, read_memory,  write_memory, tell_memory,
                         seek_memory, close_memory, error_memory, &stream};
  std::unique_ptr<void, UnzCloser> zip(unzOpen2_64("memory", &io));
  if (!zip) return std::unexpected(ZipError{{}, "not a readable zip archive"});
  int at = unzGoToFirstFile(zip.get());
  for (; at == UNZ_OK; at = unzGoToNextFile(zip.get())) {
    unz_file_info64 info{};
    char name[1024];
    if (unzGetCurrentFileInfo64(zip.get(), &info, name, sizeof name, nullptr, 0, nullptr, 0) !=
        UNZ_OK)
      return std::unexpected(ZipError{{}, "damaged central directory"});
    const std::string entry(name);
    if (entry.empty() || entry.back() == '/') continue;
    auto bytes = read_current(zip.get(), entry, max_entry_bytes);
    if (!bytes) return std::unexpected(bytes.error());
    on_entry(entry, std::move(*bytes));
  }
  if (at != UNZ_END_OF_LIST_OF_FILE)
    return std::unexpected(
        ZipError{{}, "damaged central directory (zip error " + std::to_string(at) + ")"});
  return {};
}

}  // namespace kaution::formats
