// Integration tests of the HTTP layer: a real HttpServer on a temporary Unix socket (and on an
// ephemeral loopback TCP port), real HTTP requests with libcurl.

#include <grp.h>
#include <gtest/gtest.h>
#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/spdlog.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <future>
#include <nlohmann/json.hpp>
#include <thread>

#include "tests/daemon/http/server_fixture.hpp"

namespace kaution::test {
namespace {

using namespace std::chrono_literals;
using nlohmann::json;

json body_of(const HttpReply& reply) {
  return json::parse(reply.body);
}

void expect_problem(const HttpReply& reply, long status) {
  EXPECT_EQ(reply.status, status) << reply.body << reply.error;
  EXPECT_EQ(reply.header("content-type"), "application/problem+json");
  const json problem = json::parse(reply.body, nullptr, false);
  ASSERT_TRUE(problem.is_object()) << reply.body;
  EXPECT_EQ(problem.value("status", 0), status);
  EXPECT_TRUE(problem.contains("type") && problem["type"].is_string());
  EXPECT_TRUE(problem.contains("title") && problem["title"].is_string());
  EXPECT_TRUE(problem.contains("detail") && problem["detail"].is_string());
  EXPECT_TRUE(problem.contains("errors") && problem["errors"].is_array());
}

HttpCall put_deposit(std::string body, std::optional<std::string> token = k_ledger_token) {
  HttpCall call;
  call.method = "PUT";
  call.target = "/api/v1/deposits/D-2021-000184";
  call.token = std::move(token);
  call.headers = {"Content-Type: application/json"};
  call.body = std::move(body);
  return call;
}

TEST(HttpServer, HealthzNeedsNoToken) {
  ServerFixture f;
  const HttpReply reply = f.client().get("/healthz");
  EXPECT_EQ(reply.status, 200) << reply.error;
  EXPECT_EQ(reply.header("content-type"), "application/json");
  EXPECT_EQ(body_of(reply), json({{"status", "ok"}}));
}

TEST(HttpServer, ReadyzFollowsTheCallback) {
  TempDir dir;
  auto ready = std::make_shared<std::atomic<bool>>(false);
  http::ServerOptions options;
  options.socket = dir.path() / "api.sock";
  options.readiness = [ready] {
    return http::Readiness{ready->load(), ready->load() ? "" : "store not open"};
  };
  ServerFixture f(options);
  const HttpReply not_ready = f.client().get("/readyz");
  expect_problem(not_ready, 503);
  EXPECT_NE(body_of(not_ready)["detail"].get<std::string>().find("store not open"),
            std::string::npos);
  ready->store(true);
  EXPECT_EQ(f.client().get("/readyz").status, 200);
}

TEST(HttpServer, RightTokenAndRoleGets200WithPrincipalAndParams) {
  ServerFixture f;
  const HttpReply reply = f.client().send(put_deposit(R"({"deposit_id": "D-2021-000184"})"));
  EXPECT_EQ(reply.status, 200) << reply.body << reply.error;
  EXPECT_EQ(body_of(reply), json({{"deposit_id", "D-2021-000184"}, {"by", "erp"}}));
}

TEST(HttpServer, MissingTokenIs401WithChallenge) {
  ServerFixture f;
  const HttpReply reply = f.client().get("/api/v1/deposits/D-1");
  expect_problem(reply, 401);
  EXPECT_EQ(reply.header("www-authenticate").rfind("Bearer", 0), 0u);
}

TEST(HttpServer, WrongTokenIs401) {
  ServerFixture f;
  const HttpReply reply = f.client().get("/api/v1/deposits/D-1", "not-a-configured-token");
  expect_problem(reply, 401);
  EXPECT_EQ(reply.header("www-authenticate").rfind("Bearer", 0), 0u);
  // A prefix or an extension of a real token is just as wrong.
  EXPECT_EQ(f.client().get("/api/v1/deposits/D-1", k_operator_token + "x").status, 401);
  EXPECT_EQ(f.client().get("/api/v1/deposits/D-1", k_operator_token.substr(1)).status, 401);
}

TEST(HttpServer, WrongSchemeIs401) {
  ServerFixture f;
  HttpCall call;
  call.target = "/api/v1/deposits/D-1";
  call.headers = {"Authorization: Basic " + k_operator_token};
  const HttpReply reply = f.client().send(call);
  expect_problem(reply, 401);
  EXPECT_EQ(reply.header("www-authenticate").rfind("Bearer", 0), 0u);
}

TEST(HttpServer, SchemeIsCaseInsensitive) {
  ServerFixture f;
  HttpCall call;
  call.target = "/api/v1/deposits/D-1";
  call.headers = {"Authorization: bearer " + k_operator_token};
  EXPECT_EQ(f.client().send(call).status, 200);
}

TEST(HttpServer, TokenWithoutTheRoleIs403) {
  ServerFixture f;
  expect_problem(f.client().send(put_deposit("{}", k_operator_token)), 403);
  expect_problem(f.client().send(put_deposit("{}", k_support_token)), 403);
  HttpCall assign;
  assign.method = "POST";
  assign.target = "/api/v1/bookings/B-7/assign";
  assign.token = k_ledger_token;
  assign.body = R"({"deposit_id": "D-1"})";
  expect_problem(f.client().send(assign), 403);
  assign.token = k_support_token;
  const HttpReply ok = f.client().send(assign);
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(body_of(ok), json({{"booking_id", "B-7"}, {"assigned_by", "helpdesk"}}));
}

TEST(HttpServer, ReadOnlyRoutesAreOpenToEveryRole) {
  ServerFixture f;
  for (const std::string& token : {k_ledger_token, k_support_token, k_operator_token}) {
    EXPECT_EQ(f.client().get("/api/v1/deposits/D-1", token).status, 200);
  }
}

TEST(HttpServer, UnknownPathIs404) {
  ServerFixture f;
  expect_problem(f.client().get("/api/v1/nothing-here", k_operator_token), 404);
  expect_problem(f.client().get("/api/v1/deposits/D-1/extra/x", k_operator_token), 404);
  // Without a token the answer is 401, not 404: routes are not disclosed.
  EXPECT_EQ(f.client().get("/api/v1/nothing-here").status, 401);
}

TEST(HttpServer, WrongMethodIs405WithAllow) {
  ServerFixture f;
  HttpCall call;
  call.method = "DELETE";
  call.target = "/api/v1/bookings/unassigned";
  call.token = k_operator_token;
  const HttpReply reply = f.client().send(call);
  expect_problem(reply, 405);
  EXPECT_EQ(reply.header("allow"), "GET");
  call.target = "/api/v1/deposits/D-1";
  EXPECT_EQ(f.client().send(call).header("allow"), "GET, PUT");
}

TEST(HttpServer, ColonPathsAndLiteralsBeatParameters) {
  ServerFixture f;
  HttpCall batch;
  batch.method = "POST";
  batch.target = "/api/v1/deposits:batch";
  batch.token = k_ledger_token;
  batch.body = "[]";
  const HttpReply reply = f.client().send(batch);
  EXPECT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(body_of(reply), json({{"bytes", 2}}));
  HttpCall retrigger = batch;
  retrigger.target = "/api/v1/exports:retrigger";
  retrigger.token = k_support_token;
  EXPECT_EQ(f.client().send(retrigger).status, 202);
  EXPECT_EQ(body_of(f.client().get("/api/v1/bookings/unassigned", k_operator_token)),
            json({{"route", "unassigned"}}));
}

TEST(HttpServer, PathAndQueryAreDecodedAndAuthorizationIsHidden) {
  ServerFixture f;
  const HttpReply deposit = f.client().get("/api/v1/deposits/D%2F2021%20A", k_operator_token);
  EXPECT_EQ(body_of(deposit)["deposit_id"], "D/2021 A");
  const HttpReply echo =
      f.client().get("/api/v1/echo?q=M%C3%BCller+Anna&status=faulty", k_operator_token);
  ASSERT_EQ(echo.status, 200) << echo.body;
  const json body = body_of(echo);
  EXPECT_EQ(body["query"], json({{"q", "Müller Anna"}, {"status", "faulty"}}));
  EXPECT_EQ(body["has_authorization"], false);
  EXPECT_EQ(body["role"], "operator");
  expect_problem(f.client().get("/api/v1/deposits/D%zz", k_operator_token), 400);
}

TEST(HttpServer, BodyOverTheLimitWithContentLengthIs413) {
  ServerFixture f;
  HttpCall call;
  call.method = "POST";
  call.target = "/api/v1/deposits:batch";
  call.token = k_ledger_token;
  call.body = std::string(11 * 1024 * 1024, 'x');
  const HttpReply reply = f.client().send(call);
  expect_problem(reply, 413);
  // Also when the client does not wait for 100 Continue but sends right away.
  call.headers = {"Expect:"};
  const HttpReply eager = f.client().send(call);
  EXPECT_EQ(eager.status, 413) << eager.error;
}

TEST(HttpServer, ChunkedBodyOverTheLimitIs413) {
  ServerFixture f;
  HttpCall call;
  call.method = "POST";
  call.target = "/api/v1/deposits:batch";
  call.token = k_ledger_token;
  call.body = std::string(11 * 1024 * 1024, 'x');
  call.chunked = true;
  expect_problem(f.client().send(call), 413);
  // A chunked body under the limit arrives whole.
  call.body = std::string(3 * 1024 * 1024, 'y');
  const HttpReply ok = f.client().send(call);
  EXPECT_EQ(ok.status, 200) << ok.body << ok.error;
  EXPECT_EQ(body_of(ok)["bytes"], 3 * 1024 * 1024);
}

TEST(HttpServer, LimitIsConfigurable) {
  TempDir dir;
  http::ServerOptions options;
  options.socket = dir.path() / "api.sock";
  options.max_body_bytes = 16;
  ServerFixture f(options);
  EXPECT_EQ(f.client().send(put_deposit(R"({"a": "0123456789"})")).status, 413);
  EXPECT_EQ(f.client().send(put_deposit(R"({"a": 1})")).status, 200);
  HttpCall chunked = put_deposit(std::string(100, ' ') + "{}");
  chunked.chunked = true;
  EXPECT_EQ(f.client().send(chunked).status, 413);
}

TEST(HttpServer, EndlessChunkedBodyLosesItsConnection) {
  TempDir dir;
  http::ServerOptions options;
  options.socket = dir.path() / "api.sock";
  options.max_body_bytes = 16;
  ServerFixture f(options);
  HttpCall chunked = put_deposit(std::string(3 * 1024 * 1024, ' ') + "{}");
  chunked.chunked = true;
  const HttpReply reply = f.client().send(chunked);
  EXPECT_LT(reply.status, 200) << reply.body;  // at most the interim 100 Continue
  EXPECT_FALSE(reply.error.empty());
  EXPECT_EQ(f.client().get("/healthz").status, 200);
}

TEST(HttpServer, MalformedJsonIs400WithPosition) {
  ServerFixture f;
  const HttpReply reply = f.client().send(put_deposit("{\n  \"deposit_id\": \"D-1\",\n  oops\n}"));
  expect_problem(reply, 400);
  const json problem = body_of(reply);
  EXPECT_EQ(problem["line"], 3);
  EXPECT_EQ(problem["column"], 3);
  EXPECT_EQ(problem["byte"], 28);
  const std::string detail = problem["detail"];
  EXPECT_NE(detail.find("line 3, column 3"), std::string::npos) << detail;
}

TEST(HttpServer, NonObjectBodyIs400) {
  ServerFixture f;
  const HttpReply reply = f.client().send(put_deposit("[1, 2]"));
  expect_problem(reply, 400);
  EXPECT_NE(body_of(reply)["detail"].get<std::string>().find("array"), std::string::npos);
}

TEST(HttpServer, HandlerExceptionIs500WithoutInternals) {
  ServerFixture f;
  const HttpReply reply = f.client().get("/api/v1/boom", k_operator_token);
  expect_problem(reply, 500);
  EXPECT_EQ(reply.body.find("secret.db"), std::string::npos);
  EXPECT_EQ(reply.body.find("internal detail"), std::string::npos);
}

TEST(HttpServer, SocketFileHasTheConfiguredMode) {
  for (const mode_t mode : {mode_t{0660}, mode_t{0600}}) {
    TempDir dir;
    http::ServerOptions options;
    options.socket = dir.path() / "api.sock";
    options.socket_mode = mode;
    ServerFixture f(options);
    struct stat info {};
    ASSERT_EQ(::lstat(f.socket().c_str(), &info), 0);
    EXPECT_TRUE(S_ISSOCK(info.st_mode));
    EXPECT_EQ(info.st_mode & 07777, mode);
  }
}

TEST(HttpServer, SocketGroupIsApplied) {
  TempDir dir;
  http::ServerOptions options;
  options.socket = dir.path() / "api.sock";
  const group* own = ::getgrgid(::getegid());
  ASSERT_NE(own, nullptr);
  options.socket_group = std::string(own->gr_name);
  {
    ServerFixture f(options);
    struct stat info {};
    ASSERT_EQ(::lstat(f.socket().c_str(), &info), 0);
    EXPECT_EQ(info.st_gid, ::getegid());
  }
  options.socket_group = "no-such-group-kautiond-test";
  EXPECT_THROW(ServerFixture{options}, std::runtime_error);
  EXPECT_FALSE(std::filesystem::exists(options.socket)) << "a failed start leaves no socket";
}

// A socket file left behind by a process that is gone: bound, never listened on, closed.
void make_stale_socket(const std::filesystem::path& path) {
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, path.c_str(), sizeof(address.sun_path) - 1);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
  ::close(fd);
}

TEST(HttpServer, StaleSocketFileIsReplaced) {
  TempDir dir;
  http::ServerOptions options;
  options.socket = dir.path() / "api.sock";
  make_stale_socket(options.socket);
  ASSERT_TRUE(std::filesystem::is_socket(options.socket));
  ServerFixture f(options);
  EXPECT_EQ(f.client().get("/healthz").status, 200);
}

TEST(HttpServer, RegularFileAtTheSocketPathIsRefusedAndKept) {
  TempDir dir;
  http::ServerOptions options;
  options.socket = dir.write("api.sock", "precious");
  try {
    ServerFixture f(options);
    ADD_FAILURE() << "the server started over a regular file";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("not a socket"), std::string::npos) << error.what();
  }
  EXPECT_EQ(read_file(options.socket), "precious");
}

TEST(HttpServer, LiveSocketOfAnotherServerIsRefused) {
  ServerFixture first;
  http::ServerOptions options;
  options.socket = first.socket();
  EXPECT_THROW(ServerFixture{options}, std::runtime_error);
  EXPECT_EQ(first.client().get("/healthz").status, 200);
}

TEST(HttpServer, GracefulStopFinishesTheRequestInFlight) {
  ServerFixture f;
  auto gate = f.gate();
  auto slow = std::async(std::launch::async,
                         [&f] { return f.client().get("/api/v1/slow", k_operator_token); });
  ASSERT_EQ(gate->entered.get_future().wait_for(10s), std::future_status::ready);
  auto stopped = std::async(std::launch::async, [&f] { f.server().stop(10s); });
  // Stopping has begun: the socket file goes at once, new clients are refused.
  for (int i = 0; i < 200 && std::filesystem::exists(f.socket()); ++i) {
    std::this_thread::sleep_for(5ms);
  }
  EXPECT_FALSE(std::filesystem::exists(f.socket()));
  EXPECT_EQ(f.client().get("/healthz").status, 0);
  EXPECT_EQ(stopped.wait_for(50ms), std::future_status::timeout) << "stop did not wait";
  gate->release_promise.set_value();
  const HttpReply reply = slow.get();
  EXPECT_EQ(reply.status, 200) << reply.error;
  EXPECT_EQ(body_of(reply), json({{"slow", true}}));
  EXPECT_EQ(stopped.wait_for(10s), std::future_status::ready);
}

TEST(HttpServer, StopDoesNotWaitForIdleConnections) {
  ServerFixture f;
  const int idle = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(idle, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, f.socket().c_str(), sizeof(address.sun_path) - 1);
  ASSERT_EQ(::connect(idle, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
  ASSERT_EQ(f.client().get("/healthz").status, 200);  // the idle connection has been accepted
  const auto start = std::chrono::steady_clock::now();
  f.server().stop(5s);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
  char byte = 0;
  EXPECT_EQ(::read(idle, &byte, 1), 0) << "the idle connection is closed";
  ::close(idle);
}

TEST(HttpServer, TokensCanBeReplacedAtRuntime) {
  ServerFixture f;
  EXPECT_EQ(f.client().get("/api/v1/deposits/D-1", k_operator_token).status, 200);
  const std::string fresh = "rotated-operator-secret-42424242";
  f.server().replace_tokens({{"monitor-2", http::Role::operator_, fresh}});
  EXPECT_EQ(f.client().get("/api/v1/deposits/D-1", k_operator_token).status, 401);
  const HttpReply reply = f.client().get("/api/v1/deposits/D-1", fresh);
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(body_of(reply)["by"], "monitor-2");
  // An invalid set is refused and the current one stays.
  EXPECT_THROW(f.server().replace_tokens({{"x", http::Role::ledger, ""}}), std::invalid_argument);
  EXPECT_EQ(f.client().get("/api/v1/deposits/D-1", fresh).status, 200);
}

TEST(HttpServer, TokenReplacementWhileServing) {
  ServerFixture f;
  std::atomic<bool> done = false;
  std::atomic<int> replacements = 0;
  std::thread reloader([&] {
    while (!done) {
      f.server().replace_tokens(example_tokens());
      ++replacements;
    }
  });
  int unexpected = 0;
  for (int i = 0; i < 40; ++i) {
    if (f.client().get("/api/v1/deposits/D-1", k_ledger_token).status != 200) ++unexpected;
  }
  done = true;
  reloader.join();
  EXPECT_EQ(unexpected, 0);
  EXPECT_GT(replacements, 0);
}

// Collects the default logger's output while alive.
class LogCapture {
 public:
  LogCapture()
      : m_sink(std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(10000)),
        m_previous(spdlog::default_logger()) {
    auto logger = std::make_shared<spdlog::logger>("capture", m_sink);
    logger->set_level(spdlog::level::debug);
    spdlog::set_default_logger(logger);
  }
  ~LogCapture() { spdlog::set_default_logger(m_previous); }
  LogCapture(const LogCapture&) = delete;
  LogCapture& operator=(const LogCapture&) = delete;

  std::string text() const {
    std::string all;
    for (const std::string& line : m_sink->last_formatted())
      all += line;
    return all;
  }
  bool wait_for(const std::string& needle) const {
    for (int i = 0; i < 400; ++i) {
      if (text().find(needle) != std::string::npos) return true;
      std::this_thread::sleep_for(5ms);
    }
    return false;
  }

 private:
  std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> m_sink;
  std::shared_ptr<spdlog::logger> m_previous;
};

TEST(HttpServer, EveryRequestIsLoggedOnceWithoutTokenOrBody) {
  LogCapture log;
  {
    ServerFixture f;
    EXPECT_EQ(f.client().send(put_deposit(R"({"secret_body": "Natalie Schmidt"})")).status, 200);
    EXPECT_EQ(f.client().get("/api/v1/echo?q=Schmidt", "wrong-token-value").status, 401);
    ASSERT_TRUE(log.wait_for("PUT /api/v1/deposits/D-2021-000184 200"));
    ASSERT_TRUE(log.wait_for("GET /api/v1/echo 401"));
  }
  const std::string text = log.text();
  EXPECT_EQ(text.find(k_ledger_token), std::string::npos);
  EXPECT_EQ(text.find("wrong-token-value"), std::string::npos);
  EXPECT_EQ(text.find("Natalie"), std::string::npos);
  EXPECT_EQ(text.find("Schmidt"), std::string::npos);
  const std::string line = "PUT /api/v1/deposits/D-2021-000184 200";
  EXPECT_EQ(text.find(line), text.rfind(line)) << text;
}

TEST(HttpServer, ServesOnAnEphemeralLoopbackPort) {
  http::ServerOptions options;
  options.tcp = http::TcpOptions{"127.0.0.1", 0, {}, {}, true};
  ServerFixture f(options);
  ASSERT_TRUE(f.server().tcp_port().has_value());
  ASSERT_NE(*f.server().tcp_port(), 0);
  const HttpClient tcp =
      HttpClient::over_tcp("http://127.0.0.1:" + std::to_string(*f.server().tcp_port()));
  EXPECT_EQ(tcp.get("/healthz").status, 200);
  EXPECT_EQ(tcp.get("/api/v1/deposits/D-1").status, 401);
  EXPECT_EQ(tcp.get("/api/v1/deposits/D-1", k_operator_token).status, 200);
  EXPECT_EQ(f.client().get("/healthz").status, 200);  // the Unix socket serves as well
}

TEST(HttpServer, PlainTcpOnlyOnLoopbackWithInsecureLoopback) {
  http::ServerOptions not_insecure;
  not_insecure.tcp = http::TcpOptions{"127.0.0.1", 0, {}, {}, false};
  EXPECT_THROW(ServerFixture{not_insecure}, std::invalid_argument);
  http::ServerOptions not_loopback;
  not_loopback.tcp = http::TcpOptions{"0.0.0.0", 0, {}, {}, true};
  EXPECT_THROW(ServerFixture{not_loopback}, std::invalid_argument);
  http::ServerOptions name;
  name.tcp = http::TcpOptions{"localhost", 0, {}, {}, true};
  EXPECT_THROW(ServerFixture{name}, std::invalid_argument);
}

TEST(HttpServer, ServesTlsWithCertificateAndKey) {
  TempDir dir;
  const auto cert = dir.path() / "cert.pem";
  const auto key = dir.path() / "key.pem";
  if (!std::filesystem::exists("/usr/bin/openssl")) GTEST_SKIP() << "no openssl command";
  const RunResult made = run({"/usr/bin/openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                              "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj",
                              "/CN=kautiond-test", "-addext", "subjectAltName=IP:127.0.0.1",
                              "-keyout", key.string(), "-out", cert.string()});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  http::ServerOptions options;
  options.tcp = http::TcpOptions{"127.0.0.1", 0, cert, key, false};
  ServerFixture f(options);
  const std::string port = std::to_string(*f.server().tcp_port());
  const HttpClient tls = HttpClient::over_tcp("https://127.0.0.1:" + port, cert);
  const HttpReply reply = tls.get("/api/v1/deposits/D-1", k_operator_token);
  EXPECT_EQ(reply.status, 200) << reply.error;
  EXPECT_EQ(HttpClient::over_tcp("http://127.0.0.1:" + port).get("/healthz").status, 0);
}

}  // namespace
}  // namespace kaution::test
