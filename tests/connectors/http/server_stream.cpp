#include "tests/connectors/http/server_stream.hpp"

#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>

namespace kaution::test {

ServerStream::ServerStream(int fd) : m_fd(fd) {
  timeval timeout{0, 20000};  // reads wake up every 20 ms to look at the stop flag
  setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
}

ServerStream::~ServerStream() {
  if (m_fd >= 0) ::close(m_fd);
}

void ServerStream::reset() {
  linger hard{1, 0};
  setsockopt(m_fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
  ::close(m_fd);
  m_fd = -1;
}

void ServerStream::close() {
  ::shutdown(m_fd, SHUT_WR);
  ::close(m_fd);
  m_fd = -1;
}

void ServerStream::lingering_close() {
  ::shutdown(m_fd, SHUT_WR);
  std::array<char, 4096> sink{};
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds{500};
  while (std::chrono::steady_clock::now() < until) {
    const ssize_t n = ::recv(m_fd, sink.data(), sink.size(), 0);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) break;
  }
  ::close(m_fd);
  m_fd = -1;
}

namespace {

class PlainStream final : public ServerStream {
 public:
  explicit PlainStream(int fd) : ServerStream(fd) {}

  bool read_some(std::string& buffer, const std::atomic<bool>& stop) override {
    std::array<char, 16384> chunk{};
    while (!stop) {
      const ssize_t n = ::recv(m_fd, chunk.data(), chunk.size(), 0);
      if (n > 0) {
        buffer.append(chunk.data(), static_cast<std::size_t>(n));
        return true;
      }
      if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) return false;
    }
    return false;
  }

  bool write_all(std::string_view bytes) override {
    while (!bytes.empty()) {
      const ssize_t n = ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }
};

class TlsStream final : public ServerStream {
 public:
  TlsStream(int fd, SSL_CTX* ctx) : ServerStream(fd), m_ssl(SSL_new(ctx)) { SSL_set_fd(m_ssl, fd); }
  ~TlsStream() override { SSL_free(m_ssl); }
  TlsStream(const TlsStream&) = delete;
  TlsStream& operator=(const TlsStream&) = delete;

  bool handshake(const std::atomic<bool>& stop) {
    while (!stop) {
      const int rc = SSL_accept(m_ssl);
      if (rc == 1) return true;
      if (!retry(rc)) return false;
    }
    return false;
  }

  bool read_some(std::string& buffer, const std::atomic<bool>& stop) override {
    std::array<char, 16384> chunk{};
    while (!stop) {
      const int n = SSL_read(m_ssl, chunk.data(), static_cast<int>(chunk.size()));
      if (n > 0) {
        buffer.append(chunk.data(), static_cast<std::size_t>(n));
        return true;
      }
      if (!retry(n)) return false;
    }
    return false;
  }

  bool write_all(std::string_view bytes) override {
    if (bytes.empty()) return true;
    return SSL_write(m_ssl, bytes.data(), static_cast<int>(bytes.size())) ==
           static_cast<int>(bytes.size());
  }

  std::string peer_common_name() const override {
    X509* cert = SSL_get0_peer_certificate(m_ssl);
    if (cert == nullptr) return "";
    std::array<char, 256> name{};
    X509_NAME_get_text_by_NID(X509_get_subject_name(cert), NID_commonName, name.data(),
                              static_cast<int>(name.size()));
    return name.data();
  }

  void close() override {
    SSL_shutdown(m_ssl);
    ServerStream::close();
  }

 private:
  bool retry(int rc) const {
    const int error = SSL_get_error(m_ssl, rc);
    return error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE;
  }

  SSL* m_ssl;
};

}  // namespace

std::unique_ptr<ServerStream> accept_stream(int fd, SSL_CTX* tls, const std::atomic<bool>& stop) {
  if (tls == nullptr) return std::make_unique<PlainStream>(fd);
  auto stream = std::make_unique<TlsStream>(fd, tls);
  if (!stream->handshake(stop)) {
    stream->lingering_close();
    return nullptr;
  }
  return stream;
}

}  // namespace kaution::test
