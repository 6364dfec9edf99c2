#include "connectors/sandbox/state.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "connectors/sandbox/km_soap.hpp"

namespace kaution::sandbox {
namespace {

using nlohmann::json;

// Headers a handler reads (content type, km's SOAPAction); never Authorization.
constexpr std::array k_kept_headers{"content-type", "soapaction"};

std::runtime_error failure(const std::filesystem::path& path, const std::string& what) {
  return std::runtime_error("--state " + path.string() + ": " + what);
}

json header_of(const DataSetOptions& options) {
  return {{"seed", options.seed}, {"size", options.size}, {"start", options.start.to_string()}};
}

// The complete lines of the file; `complete_bytes` is where the last complete line ends.
std::vector<std::string> read_lines(const std::filesystem::path& path,
                                    std::uintmax_t& complete_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw failure(path, "cannot be read");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<std::string> lines;
  std::size_t begin = 0;
  for (std::size_t end = text.find('\n'); end != std::string::npos;
       begin = end + 1, end = text.find('\n', begin))
    lines.push_back(text.substr(begin, end - begin));
  complete_bytes = begin;
  return lines;
}

void write_all(int fd, const std::string& text, const std::filesystem::path& path) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw failure(path, std::string("cannot be written: ") + std::strerror(errno));
    done += static_cast<std::size_t>(n);
  }
  if (::fdatasync(fd) != 0) throw failure(path, std::string("fdatasync: ") + std::strerror(errno));
}

bool changes_state(const http::Request& request) {
  if (request.method == "GET" || request.path.ends_with("/token")) return false;
  if (request.path != "/ws") return true;
  const std::string operation = soap_action(request);
  return operation != "UmsaetzeAbrufen" && operation != "SaldenAbrufen" &&
         operation != "ZinsverteilungenAbrufen";
}

json request_json(Bank bank, const std::string& pattern, const http::Request& request) {
  json headers = json::object();
  for (const char* name : k_kept_headers)
    if (const auto value = request.header(name)) headers[name] = std::string(*value);
  json query = json::array();
  for (const auto& [name, value] : request.query)
    query.push_back({name, value});
  return {{"bank", bank_name(bank)}, {"method", request.method},      {"pattern", pattern},
          {"path", request.path},    {"params", request.path_params}, {"query", query},
          {"headers", headers},      {"body", request.body}};
}

http::Request request_of(const json& line) {
  http::Request request;
  request.method = line.at("method").get<std::string>();
  request.path = line.at("path").get<std::string>();
  for (const auto& pair : line.at("query"))
    request.query.emplace(pair.at(0).get<std::string>(), pair.at(1).get<std::string>());
  for (const auto& [name, value] : line.at("headers").items())
    request.headers.emplace(name, value.get<std::string>());
  for (const auto& [name, value] : line.at("params").items())
    request.path_params.emplace(name, value.get<std::string>());
  request.body = line.at("body").get<std::string>();
  return request;
}

std::string handler_key(std::string_view bank, std::string_view method, std::string_view pattern) {
  return std::string(bank) + " " + std::string(method) + " " + std::string(pattern);
}

}  // namespace

StateJournal::StateJournal(std::filesystem::path path, const DataSetOptions& options)
    : m_path(std::move(path)) {
  const json header = header_of(options);
  const bool existed = std::filesystem::exists(m_path);
  std::uintmax_t complete = 0;
  std::vector<std::string> lines;
  if (existed) lines = read_lines(m_path, complete);
  m_fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (m_fd < 0) throw failure(m_path, std::string("cannot be opened: ") + std::strerror(errno));
  if (::ftruncate(m_fd, static_cast<off_t>(complete)) != 0 ||
      ::lseek(m_fd, 0, SEEK_END) < 0) {  // cuts a torn last line
    throw failure(m_path, std::string("cannot be truncated: ") + std::strerror(errno));
  }
  if (lines.empty()) {
    write_all(m_fd, header.dump() + "\n", m_path);
    return;
  }
  const json found = json::parse(lines.front(), nullptr, false);
  if (found != header)
    throw failure(m_path,
                  "belongs to another data set: " + lines.front() + ", not " + header.dump());
  for (std::size_t i = 1; i < lines.size(); ++i) {
    json line = json::parse(lines[i], nullptr, false);
    if (line.is_discarded())
      throw failure(m_path, "line " + std::to_string(i + 1) + " is not JSON");
    m_recorded.push_back(std::move(line));
  }
}

StateJournal::~StateJournal() {
  if (m_fd >= 0) ::close(m_fd);
}

void StateJournal::append(const json& request) {
  write_all(m_fd, request.dump() + "\n", m_path);
}

http::Handler recorded(BankContext& context, const std::string& method, const std::string& pattern,
                       http::Handler handler) {
  World& world = context.world;
  if (world.journal == nullptr) return handler;
  world.replay_handlers[handler_key(bank_name(context.bank), method, pattern)] = handler;
  return [&world, bank = context.bank, pattern,
          handler = std::move(handler)](const http::Request& request) {
    if (!changes_state(request)) return handler(request);
    const std::lock_guard lock(world.mutex);
    http::Response response = handler(request);
    if (response.status >= 200 && response.status < 300)
      world.journal->append(request_json(bank, pattern, request));
    return response;
  };
}

void replay(World& world) {
  if (world.journal == nullptr) return;
  const std::lock_guard lock(world.mutex);
  std::size_t line_number = 1;
  for (const json& line : world.journal->recorded()) {
    ++line_number;
    try {
      const auto handler = world.replay_handlers.find(
          handler_key(line.at("bank").get<std::string>(), line.at("method").get<std::string>(),
                      line.at("pattern").get<std::string>()));
      if (handler == world.replay_handlers.end()) throw std::runtime_error("no handler takes it");
      handler->second(request_of(line));
    } catch (const std::exception& error) {
      throw std::runtime_error("--state: line " + std::to_string(line_number) +
                               " cannot be replayed: " + error.what());
    }
  }
}

}  // namespace kaution::sandbox
