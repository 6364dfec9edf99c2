#include "connectors/formats/mapped_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace kaution::formats {
namespace {

struct FdCloser {
  int fd;
  ~FdCloser() {
    if (fd >= 0) ::close(fd);
  }
};

std::size_t page_size() {
  return static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}

}  // namespace

std::expected<MappedFile, std::string> MappedFile::open(const std::string& path) {
  const FdCloser file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0)
    return std::unexpected(std::string("cannot open the file: ") + std::strerror(errno));
  struct stat info {};
  if (::fstat(file.fd, &info) != 0 || !S_ISREG(info.st_mode))
    return std::unexpected(std::string("cannot read the file: not a regular file"));
  const auto size = static_cast<std::size_t>(info.st_size);
  if (size == 0) return MappedFile(nullptr, 0);
  void* data = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, file.fd, 0);
  if (data == MAP_FAILED)
    return std::unexpected(std::string("cannot read the file: ") + std::strerror(errno));
  ::madvise(data, size, MADV_SEQUENTIAL);
  return MappedFile(static_cast<char*>(data), size);
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : m_data(other.m_data), m_size(other.m_size), m_released(other.m_released) {
  other.m_data = nullptr;
  other.m_size = 0;
}

MappedFile::~MappedFile() {
  if (m_data != nullptr) ::munmap(m_data, m_size);
}

void MappedFile::release_before(std::size_t offset) {
  const std::size_t page = page_size();
  const std::size_t end = (std::min(offset, m_size) / page) * page;
  // In steps of at least 1 MiB: one system call per entry would cost more than it saves.
  if (end < m_released + (std::size_t{1} << 20)) return;
  ::madvise(m_data + m_released, end - m_released, MADV_DONTNEED);
  m_released = end;
}

}  // namespace kaution::formats
