#pragma once
// Listening sockets made by us and handed to libmicrohttpd: the Unix socket with its mode and
// group, and a TCP socket on a numeric address. Errors throw std::runtime_error naming the
// path or address.

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace kaution::http {

// Owns a file descriptor; closes it unless released.
class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : m_fd(fd) {}
  UniqueFd(UniqueFd&& other) noexcept : m_fd(other.release()) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept;
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  ~UniqueFd();
  int get() const { return m_fd; }
  int release();

 private:
  int m_fd = -1;
};

// The socket file we created; the destructor removes it if it is still that file (same device
// and inode), so a successor's socket is never removed.
class SocketFile {
 public:
  SocketFile() = default;
  SocketFile(std::filesystem::path path, dev_t device, ino_t inode);
  SocketFile(SocketFile&& other) noexcept;
  SocketFile& operator=(SocketFile&& other) noexcept;
  SocketFile(const SocketFile&) = delete;
  SocketFile& operator=(const SocketFile&) = delete;
  ~SocketFile() { remove(); }
  void remove();

 private:
  std::filesystem::path m_path;  // empty: nothing to remove
  dev_t m_device = 0;
  ino_t m_inode = 0;
};

struct UnixListener {
  UniqueFd fd;
  SocketFile file;
};

// Replaces a stale socket file at `path` (one nobody listens on); refuses a live socket and
// anything that is not a socket. Binds, sets `mode`, the group if given, then listens — no
// client can connect before the permissions are in place.
UnixListener listen_unix(const std::filesystem::path& path, mode_t mode,
                         const std::optional<std::string>& group);

struct TcpListener {
  UniqueFd fd;
  std::uint16_t port = 0;  // the bound port (the ephemeral one for port 0)
  bool ipv6 = false;
};

// `address` is a numeric IPv4 or IPv6 address.
TcpListener listen_tcp(const std::string& address, std::uint16_t port);

// 127.0.0.0/8, ::1 and ::ffff:127.0.0.0/104; false for anything that is not a numeric address.
bool is_loopback(std::string_view address);

}  // namespace kaution::http
