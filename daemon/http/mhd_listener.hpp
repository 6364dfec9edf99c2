#pragma once
// One libmicrohttpd daemon on a listening socket we made. Threading: MHD's internal polling
// thread accepts and every connection gets its own thread (MHD_USE_THREAD_PER_CONNECTION), so a
// handler may block (SQLite, a bank call) without stalling other clients; MHD_USE_ITC makes
// MHD_quiesce_daemon possible. See daemon/http/README.md.

#include <string>

#include "daemon/http/listen_socket.hpp"
#include "daemon/http/server_core.hpp"

struct MHD_Daemon;

namespace kaution::http {

struct TlsMaterial {
  std::string cert_pem;
  std::string key_pem;
  std::string client_ca_pem;  // empty: no client certificate asked for
};

struct ListenerSettings {
  std::string name;  // "unix:/run/kautiond/api.sock", "tcp:127.0.0.1:8470" — for messages
  unsigned connection_limit = 64;
  unsigned idle_timeout_seconds = 60;
  bool ipv6 = false;
  const TlsMaterial* tls = nullptr;  // must outlive the listener
};

// What MHD's callbacks get: the shared core and this listener's client-certificate rule.
struct ListenerContext {
  ServerCore* core = nullptr;
  bool verify_client = false;  // requests without a verified client certificate get 403
};

class MhdListener {
 public:
  // Serves `core` on `fd`. Throws std::runtime_error when MHD does not start.
  MhdListener(UniqueFd fd, ServerCore& core, const ListenerSettings& settings);
  ~MhdListener();  // quiesces if not yet done, stops MHD (closing connections), closes the fd
  MhdListener(const MhdListener&) = delete;
  MhdListener& operator=(const MhdListener&) = delete;

  // Stops accepting connections; connections already accepted go on.
  void quiesce();

 private:
  ListenerContext m_context;  // must outlive m_daemon
  MHD_Daemon* m_daemon = nullptr;
  UniqueFd m_fd;  // closed only after MHD_stop_daemon, as MHD requires
  bool m_quiesced = false;
};

}  // namespace kaution::http
