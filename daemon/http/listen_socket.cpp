#include "daemon/http/listen_socket.hpp"

#include <arpa/inet.h>
#include <grp.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace kaution::http {
namespace {

constexpr int k_backlog = 128;

[[noreturn]] void fail(const std::string& what, int error) {
  throw std::runtime_error(what + ": " + std::strerror(error));
}

sockaddr_un unix_address(const std::filesystem::path& path) {
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  const std::string& text = path.native();
  if (text.empty() || text.size() >= sizeof(address.sun_path)) {
    throw std::runtime_error("API socket path is empty or too long: " + text);
  }
  std::memcpy(address.sun_path, text.c_str(), text.size() + 1);
  return address;
}

// Generic socket calls take sockaddr*: the one cast the socket API forces on us.
template <typename Address>
sockaddr* generic(Address* address) {
  return reinterpret_cast<sockaddr*>(address);
}

UniqueFd new_socket(int family) {
  const int fd = ::socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) fail("cannot create a socket", errno);
  return UniqueFd(fd);
}

// Whether some process accepts connections on the socket file at `path`.
bool is_live(const std::filesystem::path& path) {
  sockaddr_un address = unix_address(path);
  const UniqueFd probe = new_socket(AF_UNIX);
  if (::connect(probe.get(), generic(&address), sizeof(address)) == 0) return true;
  if (errno == ECONNREFUSED || errno == ENOENT) return false;
  fail("cannot check the existing socket " + path.string(), errno);
}

void remove_stale(const std::filesystem::path& path) {
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0) {
    if (errno == ENOENT) return;
    fail("cannot inspect " + path.string(), errno);
  }
  if (!S_ISSOCK(info.st_mode)) {
    throw std::runtime_error("refusing to replace " + path.string() + ": it is not a socket");
  }
  if (is_live(path)) {
    throw std::runtime_error("another process is listening on " + path.string());
  }
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) {
    fail("cannot remove the stale socket " + path.string(), errno);
  }
}

gid_t group_id(const std::string& name) {
  long size_hint = ::sysconf(_SC_GETGR_R_SIZE_MAX);
  std::vector<char> buffer(size_hint > 0 ? static_cast<std::size_t>(size_hint) : 16384);
  group entry{};
  group* found = nullptr;
  int error = 0;
  while ((error = ::getgrnam_r(name.c_str(), &entry, buffer.data(), buffer.size(), &found)) ==
         ERANGE) {
    buffer.resize(buffer.size() * 2);
  }
  if (error != 0) fail("cannot look up the group " + name, error);
  if (found == nullptr) throw std::runtime_error("no such group: " + name);
  return found->gr_gid;
}

}  // namespace

UniqueFd& UniqueFd::operator=(UniqueFd&& other) noexcept {
  if (this != &other) {
    if (m_fd >= 0) ::close(m_fd);
    m_fd = other.release();
  }
  return *this;
}

UniqueFd::~UniqueFd() {
  if (m_fd >= 0) ::close(m_fd);
}

int UniqueFd::release() {
  const int fd = m_fd;
  m_fd = -1;
  return fd;
}

SocketFile::SocketFile(std::filesystem::path path, dev_t device, ino_t inode)
    : m_path(std::move(path)), m_device(device), m_inode(inode) {}

SocketFile::SocketFile(SocketFile&& other) noexcept
    : m_path(std::move(other.m_path)), m_device(other.m_device), m_inode(other.m_inode) {
  other.m_path.clear();
}

SocketFile& SocketFile::operator=(SocketFile&& other) noexcept {
  if (this != &other) {
    remove();
    m_path = std::move(other.m_path);
    m_device = other.m_device;
    m_inode = other.m_inode;
    other.m_path.clear();
  }
  return *this;
}

void SocketFile::remove() {
  if (m_path.empty()) return;
  struct stat info {};
  if (::lstat(m_path.c_str(), &info) == 0 && S_ISSOCK(info.st_mode) && info.st_dev == m_device &&
      info.st_ino == m_inode) {
    ::unlink(m_path.c_str());
  }
  m_path.clear();
}

UnixListener listen_unix(const std::filesystem::path& path, mode_t mode,
                         const std::optional<std::string>& group) {
  sockaddr_un address = unix_address(path);
  remove_stale(path);
  UnixListener listener{new_socket(AF_UNIX), {}};
  if (::bind(listener.fd.get(), generic(&address), sizeof(address)) != 0) {
    fail("cannot bind the API socket " + path.string(), errno);
  }
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0) fail("cannot inspect " + path.string(), errno);
  listener.file = SocketFile(path, info.st_dev, info.st_ino);
  if (::chmod(path.c_str(), mode) != 0) fail("cannot set the mode of " + path.string(), errno);
  if (group && ::chown(path.c_str(), static_cast<uid_t>(-1), group_id(*group)) != 0) {
    fail("cannot give " + path.string() + " to the group " + *group, errno);
  }
  if (::listen(listener.fd.get(), k_backlog) != 0) {
    fail("cannot listen on " + path.string(), errno);
  }
  return listener;
}

TcpListener listen_tcp(const std::string& address, std::uint16_t port) {
  sockaddr_in6 v6{};
  sockaddr_in v4{};
  const bool ipv6 = ::inet_pton(AF_INET6, address.c_str(), &v6.sin6_addr) == 1;
  if (!ipv6 && ::inet_pton(AF_INET, address.c_str(), &v4.sin_addr) != 1) {
    throw std::runtime_error("API TCP address is not a numeric IPv4 or IPv6 address: " + address);
  }
  TcpListener listener{new_socket(ipv6 ? AF_INET6 : AF_INET), 0, ipv6};
  const int on = 1;
  ::setsockopt(listener.fd.get(), SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
  if (ipv6) ::setsockopt(listener.fd.get(), IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof(on));
  v6.sin6_family = AF_INET6;
  v6.sin6_port = htons(port);
  v4.sin_family = AF_INET;
  v4.sin_port = htons(port);
  const int bound = ipv6 ? ::bind(listener.fd.get(), generic(&v6), sizeof(v6))
                         : ::bind(listener.fd.get(), generic(&v4), sizeof(v4));
  const std::string where = address + " port " + std::to_string(port);
  if (bound != 0) fail("cannot bind the API listener to " + where, errno);
  if (::listen(listener.fd.get(), k_backlog) != 0) fail("cannot listen on " + where, errno);
  socklen_t length = ipv6 ? sizeof(v6) : sizeof(v4);
  const int named = ipv6 ? ::getsockname(listener.fd.get(), generic(&v6), &length)
                         : ::getsockname(listener.fd.get(), generic(&v4), &length);
  if (named != 0) fail("cannot read the bound port of " + where, errno);
  listener.port = ntohs(ipv6 ? v6.sin6_port : v4.sin_port);
  return listener;
}

bool is_loopback(std::string_view address) {
  const std::string text(address);
  in_addr v4{};
  if (::inet_pton(AF_INET, text.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  if (::inet_pton(AF_INET6, text.c_str(), &v6) != 1) return false;
  if (IN6_IS_ADDR_LOOPBACK(&v6)) return true;
  return IN6_IS_ADDR_V4MAPPED(&v6) && v6.s6_addr[12] == 127;
}

}  // namespace kaution::http
