#include "daemon/ctl/api_client.hpp"

#include <curl/curl.h>

#include <cctype>
#include <cstring>
#include <memory>
#include <stdexcept>

namespace kaution::ctl {
namespace {

size_t append_body(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

struct HeaderList {
  curl_slist* list = nullptr;
  ~HeaderList() { curl_slist_free_all(list); }
  void add(const std::string& line) { list = curl_slist_append(list, line.c_str()); }
};

std::string lower_media_type(const char* content_type) {
  if (content_type == nullptr) return {};
  std::string text(content_type);
  text = text.substr(0, text.find(';'));
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
    text.pop_back();
  for (char& c : text)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string base_url(const Endpoint& endpoint) {
  if (endpoint.socket) return "http://localhost";
  std::string url = endpoint.url;
  while (!url.empty() && url.back() == '/')
    url.pop_back();
  return url;
}

void log_request(std::ostream& out, const ApiRequest& request, const ClientOptions& options) {
  out << "> " << request.method << " " << request.target << " (" << options.endpoint.describe()
      << ")\n";
  if (options.token) out << "> Authorization: Bearer ***\n";
  if (!request.body.empty())
    out << "> Content-Type: " << request.content_type << ", " << request.body.size() << " bytes\n";
}

}  // namespace

ApiRequest make_request(std::string method, std::string target, std::string body) {
  ApiRequest request;
  request.method = std::move(method);
  request.target = std::move(target);
  request.body = std::move(body);
  return request;
}

std::string Endpoint::describe() const {
  if (socket) return "socket " + socket->string();
  return url;
}

CurlApiClient::CurlApiClient(ClientOptions options)
    : m_options(std::move(options)), m_curl(curl_easy_init()) {
  if (m_curl == nullptr) throw std::runtime_error("curl_easy_init failed");
}

CurlApiClient::~CurlApiClient() {
  curl_easy_cleanup(static_cast<CURL*>(m_curl));
}

std::expected<ApiResponse, TransportError> CurlApiClient::send(const ApiRequest& request) {
  CURL* curl = static_cast<CURL*>(m_curl);
  curl_easy_reset(curl);
  const std::string url = base_url(m_options.endpoint) + request.target;
  HeaderList headers;
  headers.add("Accept: " + request.accept);
  headers.add("Expect:");  // no 100-continue round trip for large batches
  if (!request.body.empty()) headers.add("Content-Type: " + request.content_type);
  if (m_options.token) headers.add("Authorization: Bearer " + *m_options.token);

  ApiResponse response;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  if (m_options.endpoint.socket)
    curl_easy_setopt(curl, CURLOPT_UNIX_SOCKET_PATH, m_options.endpoint.socket->c_str());
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  if (!request.body.empty() || request.method == "POST" || request.method == "PUT") {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                     static_cast<curl_off_t>(request.body.size()));
  }
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.list);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(m_options.connect_timeout.count() * 1000));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS,
                   static_cast<long>(m_options.total_timeout.count() * 1000));
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");

  if (m_options.verbose) log_request(*m_options.verbose, request, m_options);
  const CURLcode code = curl_easy_perform(curl);
  if (code != CURLE_OK) {
    long os_errno = 0;
    curl_easy_getinfo(curl, CURLINFO_OS_ERRNO, &os_errno);
    std::string message = "cannot reach kautiond at " + m_options.endpoint.describe() + ": " +
                          curl_easy_strerror(code);
    if (os_errno != 0)
      message += std::string(" (") + std::strerror(static_cast<int>(os_errno)) + ")";
    return std::unexpected(TransportError{message});
  }
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  char* content_type = nullptr;
  curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &content_type);
  response.status = static_cast<int>(status);
  response.content_type = lower_media_type(content_type);
  if (m_options.verbose)
    *m_options.verbose << "< " << response.status << " " << response.content_type << ", "
                       << response.body.size() << " bytes\n";
  return response;
}

}  // namespace kaution::ctl
