#include "config/file_io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <system_error>

namespace kaution::config_detail {
namespace {

std::string errno_text(int error) {
  return std::error_code(error, std::generic_category()).message();
}

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : m_fd(fd) {}
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  ~FileDescriptor() {
    if (m_fd >= 0) ::close(m_fd);
  }
  int get() const { return m_fd; }

 private:
  int m_fd;
};

std::expected<std::string, std::string> read_all(int fd, const std::string& shown,
                                                 std::size_t max_bytes) {
  std::string content;
  std::array<char, 4096> buffer{};
  while (true) {
    const ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return std::unexpected("cannot read " + shown + ": " + errno_text(errno));
    if (n == 0) return content;
    content.append(buffer.data(), static_cast<std::size_t>(n));
    if (content.size() > max_bytes) {
      return std::unexpected(shown + " is larger than " + std::to_string(max_bytes) + " bytes");
    }
  }
}

}  // namespace

std::expected<FileContent, std::string> read_regular_file(const std::filesystem::path& path,
                                                          std::size_t max_bytes) {
  const std::string shown = path.string();
  const FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) return std::unexpected("cannot open " + shown + ": " + errno_text(errno));
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    return std::unexpected("cannot stat " + shown + ": " + errno_text(errno));
  }
  if (!S_ISREG(st.st_mode)) return std::unexpected(shown + " is not a regular file");
  auto text = read_all(fd.get(), shown, max_bytes);
  if (!text) return std::unexpected(std::move(text.error()));
  return FileContent{std::move(*text), st.st_mode & 07777U};
}

std::string octal_mode_string(unsigned mode) {
  std::string digits;
  for (int i = 0; i < 4; ++i) {
    digits.insert(digits.begin(), static_cast<char>('0' + (mode & 7U)));
    mode >>= 3U;
  }
  return digits;
}

}  // namespace kaution::config_detail
