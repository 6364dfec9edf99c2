#include "daemon/http/mhd_listener.hpp"

#include <gnutls/gnutls.h>
#include <microhttpd.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdarg>
#include <cstdio>
#include <memory>
#include <stdexcept>
#include <vector>

namespace kaution::http {
namespace {

using Clock = std::chrono::steady_clock;

// One request, from its request line (on_uri) to the end of its answer (on_completed).
struct Exchange {
  Clock::time_point start = Clock::now();
  std::string raw_target;
  Request request;
  const Route* route = nullptr;
  bool headers_seen = false;
  bool too_large = false;
  std::size_t received = 0;  // body bytes, kept or (once too large) discarded
  int status = 0;            // of the answer, for the log
};

std::string lower(std::string text) {
  for (char& c : text)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// Control characters would let a client forge log lines.
std::string printable(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  }
  return out;
}

MHD_Result collect_header(void* cls, MHD_ValueKind, const char* key, const char* value) {
  auto& headers = static_cast<Request*>(cls)->headers;
  const std::string name = lower(key);
  const std::string text = value == nullptr ? std::string() : std::string(value);
  const auto [it, inserted] = headers.emplace(name, text);
  if (!inserted) it->second += ", " + text;
  return MHD_YES;
}

// SO_LINGER 0: closing the connection sends a TCP reset.
void set_abortive_close(MHD_Connection* connection) {
  const MHD_ConnectionInfo* info =
      MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CONNECTION_FD);
  if (info != nullptr) {
    const linger abortive{1, 0};
    if (setsockopt(info->connect_fd, SOL_SOCKET, SO_LINGER, &abortive, sizeof(abortive)) != 0) {
      spdlog::debug("http: SO_LINGER for a reset failed");
    }
  }
}

// Response::Delivery::reset: a TCP reset, and no answer.
MHD_Result reset_connection(MHD_Connection* connection) {
  set_abortive_close(connection);
  return MHD_NO;
}

// Response::Delivery::truncated: announces the whole body, sends its first half, then fails, so
// that MHD closes the connection in the middle of the body.
struct PartialBody {
  std::string sent;
};

ssize_t read_partial(void* cls, std::uint64_t pos, char* buffer, std::size_t max) {
  const std::string& sent = static_cast<PartialBody*>(cls)->sent;
  if (pos >= sent.size()) return MHD_CONTENT_READER_END_WITH_ERROR;
  const std::size_t n = std::min<std::size_t>(max, sent.size() - static_cast<std::size_t>(pos));
  std::copy_n(sent.data() + pos, n, buffer);
  return static_cast<ssize_t>(n);
}

void free_partial(void* cls) {
  delete static_cast<PartialBody*>(cls);
}

MHD_Response* make_reply(const Response& response) {
  const bool partial_body = response.delivery == Response::Delivery::truncated ||
                            response.delivery == Response::Delivery::reset_mid_body;
  if (!partial_body || response.body.size() < 2) {
    return MHD_create_response_from_buffer(
        response.body.size(), const_cast<char*>(response.body.data()), MHD_RESPMEM_MUST_COPY);
  }
  auto partial = std::make_unique<PartialBody>();
  partial->sent = response.body.substr(0, response.body.size() / 2);
  MHD_Response* reply = MHD_create_response_from_callback(response.body.size(), 4096, &read_partial,
                                                          partial.get(), &free_partial);
  if (reply != nullptr) partial.release();  // MHD owns it now and frees it with free_partial
  return reply;
}

MHD_Result answer(MHD_Connection* connection, ServerCore& core, Exchange& exchange,
                  const Response& response) {
  if (response.delivery == Response::Delivery::reset) return reset_connection(connection);
  if (response.delivery == Response::Delivery::reset_mid_body) set_abortive_close(connection);
  MHD_Response* reply = make_reply(response);
  if (reply == nullptr) return MHD_NO;
  MHD_add_response_header(reply, "Content-Type", response.content_type.c_str());
  for (const auto& [name, value] : response.headers) {
    if (MHD_add_response_header(reply, name.c_str(), value.c_str()) != MHD_YES) {
      spdlog::warn("http: response header {} was refused", printable(name));
    }
  }
  if (core.draining()) MHD_add_response_header(reply, "Connection", "close");
  const MHD_Result queued =
      MHD_queue_response(connection, static_cast<unsigned int>(response.status), reply);
  MHD_destroy_response(reply);
  if (queued == MHD_YES) exchange.status = response.status;
  return queued;
}

// Whether the TLS peer presented a certificate that verifies against the listener's client CA.
bool client_verified(MHD_Connection* connection) {
  const MHD_ConnectionInfo* info =
      MHD_get_connection_info(connection, MHD_CONNECTION_INFO_GNUTLS_SESSION);
  if (info == nullptr || info->tls_session == nullptr) return false;
  unsigned int status = 0;
  const int rc =
      gnutls_certificate_verify_peers2(static_cast<gnutls_session_t>(info->tls_session), &status);
  return rc == GNUTLS_E_SUCCESS && status == 0;
}

// The first call, when the headers are in: refuse now or wait for the body.
MHD_Result on_headers(MHD_Connection* connection, const ListenerContext& context,
                      Exchange& exchange, const char* method) {
  ServerCore& core = *context.core;
  exchange.headers_seen = true;
  exchange.request.method = method;
  if (context.verify_client && !client_verified(connection)) {
    return answer(
        connection, core, exchange,
        problem(403, "Forbidden", "a client certificate issued by the configured CA is required"));
  }
  MHD_get_connection_values(connection, MHD_HEADER_KIND, &collect_header, &exchange.request);
  Admission admission = core.dispatcher().admit(exchange.request, exchange.raw_target);
  if (admission.refusal) return answer(connection, core, exchange, *admission.refusal);
  exchange.route = admission.route;
  return MHD_YES;
}

constexpr std::size_t k_min_discard = 1024 * 1024;

// Keeps body bytes up to the limit. Beyond it (a chunked body: a Content-Length over the limit
// was refused with the headers) discards them, since MHD cannot answer in the middle of a body,
// and answers 413 at its end — unless another max(limit, 1 MiB) comes: then the connection is
// dropped, so that an endless body cannot keep it busy.
MHD_Result on_body(ServerCore& core, Exchange& exchange, const char* data, std::size_t size) {
  const std::size_t limit = core.dispatcher().max_body_bytes();
  exchange.received += size;
  if (exchange.received > limit) {
    exchange.too_large = true;
    exchange.request.body.clear();
    exchange.request.body.shrink_to_fit();
    return exchange.received - limit > std::max(limit, k_min_discard) ? MHD_NO : MHD_YES;
  }
  exchange.request.body.append(data, size);
  return MHD_YES;
}

MHD_Result on_access(void* cls, MHD_Connection* connection, const char*, const char* method,
                     const char*, const char* upload_data, std::size_t* upload_data_size,
                     void** req_cls) {
  const auto& context = *static_cast<const ListenerContext*>(cls);
  ServerCore& core = *context.core;
  auto* exchange = static_cast<Exchange*>(*req_cls);
  if (exchange == nullptr) return MHD_NO;  // on_uri always makes one
  if (!exchange->headers_seen) return on_headers(connection, context, *exchange, method);
  if (*upload_data_size != 0) {
    const std::size_t size = *upload_data_size;
    *upload_data_size = 0;
    return on_body(core, *exchange, upload_data, size);
  }
  if (exchange->too_large) {
    return answer(connection, core, *exchange, core.dispatcher().body_too_large());
  }
  return answer(connection, core, *exchange,
                core.dispatcher().run(*exchange->route, exchange->request));
}

void* on_uri(void* cls, const char* uri, MHD_Connection*) {
  ServerCore& core = *static_cast<const ListenerContext*>(cls)->core;
  auto exchange = std::make_unique<Exchange>();
  exchange->raw_target = uri == nullptr ? std::string() : std::string(uri);
  core.request_started();
  return exchange.release();
}

// Logs every request once: method, path (no query, no headers, no body), status, duration.
void on_completed(void* cls, MHD_Connection*, void** req_cls, MHD_RequestTerminationCode code) {
  ServerCore& core = *static_cast<const ListenerContext*>(cls)->core;
  const std::unique_ptr<Exchange> exchange(static_cast<Exchange*>(*req_cls));
  *req_cls = nullptr;
  if (!exchange) return;
  const auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - exchange->start);
  const std::string_view raw_path =
      std::string_view(exchange->raw_target).substr(0, exchange->raw_target.find('?'));
  const std::string path =
      printable(exchange->request.path.empty() ? raw_path : exchange->request.path);
  const std::string method = printable(exchange->request.method);
  if (code == MHD_REQUEST_TERMINATED_COMPLETED_OK && exchange->status != 0) {
    spdlog::debug("http {} {} {} {:.1f}ms", method, path, exchange->status,
                  static_cast<double>(micros.count()) / 1000.0);
  } else {
    spdlog::debug("http {} {} aborted (code {}) after {:.1f}ms", method, path,
                  static_cast<int>(code), static_cast<double>(micros.count()) / 1000.0);
  }
  core.request_finished();
}

void on_mhd_log(void*, const char* format, va_list arguments) {
  char text[512];
  std::vsnprintf(text, sizeof(text), format, arguments);
  std::string_view line(text);
  while (!line.empty() && line.back() == '\n')
    line.remove_suffix(1);
  spdlog::warn("http (libmicrohttpd): {}", printable(line));
}

// The TLS options as an MHD_OPTION_ARRAY: empty (just the end) without TLS.
std::vector<MHD_OptionItem> tls_options(const TlsMaterial* tls) {
  std::vector<MHD_OptionItem> items;
  const auto add = [&items](MHD_OPTION option, const std::string& pem) {
    items.push_back({option, 0, const_cast<char*>(pem.c_str())});
  };
  if (tls != nullptr) {
    add(MHD_OPTION_HTTPS_MEM_KEY, tls->key_pem);
    add(MHD_OPTION_HTTPS_MEM_CERT, tls->cert_pem);
    if (!tls->client_ca_pem.empty()) add(MHD_OPTION_HTTPS_MEM_TRUST, tls->client_ca_pem);
  }
  items.push_back({MHD_OPTION_END, 0, nullptr});
  return items;
}

MHD_Daemon* start_daemon(int fd, ListenerContext& context, const ListenerSettings& settings) {
  unsigned int flags = MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD |
                       MHD_USE_AUTO | MHD_USE_ITC | MHD_USE_ERROR_LOG;
  if (settings.ipv6) flags |= MHD_USE_IPv6;
  if (settings.tls != nullptr) flags |= MHD_USE_TLS;
  MHD_LogCallback logger = &on_mhd_log;
  // The PEM texts stay in settings.tls, which outlives the listener.
  std::vector<MHD_OptionItem> tls = tls_options(settings.tls);
  return MHD_start_daemon(
      flags, 0, nullptr, nullptr, &on_access, &context, MHD_OPTION_EXTERNAL_LOGGER, logger, nullptr,
      MHD_OPTION_LISTEN_SOCKET, fd, MHD_OPTION_URI_LOG_CALLBACK, &on_uri, &context,
      MHD_OPTION_NOTIFY_COMPLETED, &on_completed, &context, MHD_OPTION_CONNECTION_LIMIT,
      settings.connection_limit, MHD_OPTION_CONNECTION_TIMEOUT, settings.idle_timeout_seconds,
      MHD_OPTION_ARRAY, tls.data(), MHD_OPTION_END);
}

}  // namespace

MhdListener::MhdListener(UniqueFd fd, ServerCore& core, const ListenerSettings& settings)
    : m_context{&core, settings.tls != nullptr && !settings.tls->client_ca_pem.empty()},
      m_fd(std::move(fd)) {
  if (settings.tls != nullptr && MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
    throw std::runtime_error("API listener " + settings.name +
                             ": this libmicrohttpd has no TLS support");
  }
  m_daemon = start_daemon(m_fd.get(), m_context, settings);
  if (m_daemon == nullptr) {
    throw std::runtime_error("API listener " + settings.name +
                             " did not start (libmicrohttpd's message is in the log)");
  }
}

MhdListener::~MhdListener() {
  quiesce();
  MHD_stop_daemon(m_daemon);
}

void MhdListener::quiesce() {
  if (m_quiesced) return;
  m_quiesced = true;
  MHD_quiesce_daemon(m_daemon);  // returns our own fd, which m_fd keeps until after the stop
}

}  // namespace kaution::http
