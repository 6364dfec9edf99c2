#pragma once
// Test support: one accepted connection of ScriptedServer, plain or TLS, with reads that give
// up when the server stops.

#include <openssl/ssl.h>

#include <atomic>
#include <memory>
#include <string>
#include <string_view>

namespace kaution::test {

class ServerStream {
 public:
  virtual ~ServerStream();
  // Appends what arrives to `buffer`: false at EOF, on an error or when `stop` is set.
  virtual bool read_some(std::string& buffer, const std::atomic<bool>& stop) = 0;
  virtual bool write_all(std::string_view bytes) = 0;
  // The client certificate's subject CN, empty without one (or on plain TCP).
  virtual std::string peer_common_name() const { return ""; }
  // Closes the connection with a TCP reset (RST) instead of an orderly FIN.
  void reset();
  // Closes the connection orderly (TLS close_notify, then FIN).
  virtual void close();
  // Closes after the peer has had time to read what was sent (FIN, then drain until EOF or
  // 500 ms): closing with unread input would send a reset that can destroy a last TLS alert.
  void lingering_close();

 protected:
  explicit ServerStream(int fd);
  int m_fd;
};

// Takes ownership of `fd`; `tls` null for plain TCP. Null when the TLS handshake failed.
std::unique_ptr<ServerStream> accept_stream(int fd, SSL_CTX* tls, const std::atomic<bool>& stop);

}  // namespace kaution::test
