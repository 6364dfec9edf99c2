#include "tests/crash/harness.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <iostream>
#include <memory>
#include <random>
#include <sstream>
#include <thread>

#include "core/clock.hpp"
#include "tests/crash/calls.hpp"
#include "tests/crash/feed.hpp"
#include "tests/crash/intake.hpp"
#include "tests/crash/proc.hpp"
#include "tests/crash/verify.hpp"

namespace kaution::crash {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Steady = std::chrono::steady_clock;
using nlohmann::json;

constexpr std::array<const char*, 3> k_banks{"aak", "km", "dkb"};
constexpr std::array<const char*, 3> k_accesses{"aak-main", "km-main", "dkb-main"};
// Log events that mark moments inside exports, imports, commits and the start (kill triggers).
// BANK_EXCHANGE (debug) comes right after each bank call: an import page is parsed and committed
// next; EXPORT_ACCEPTED and STATUS_CHANGED are logged inside their transactions.
constexpr std::array<const char*, 12> k_trigger_events{
    "BANK_EXCHANGE",   "BANK_EXCHANGE",   "BANK_EXCHANGE",  "BANK_EXCHANGE",
    "EXPORT_ACCEPTED", "EXPORT_ACCEPTED", "STATUS_CHANGED", "IMPORT_DONE",
    "STORE_OPENED",    "ACCESS_CHECKED",  "READY",          "BATCH_DONE"};
constexpr int k_final_cycles = 30;
constexpr std::size_t k_intake_part = 300;  // deposits per kautionctl run

void say(const std::string& text) {
  std::cerr << "crash: " << text << std::endl;
}

// KEY=VALUE lines of examples/sandbox.env.
std::map<std::string, std::string> read_env_file(const fs::path& path) {
  std::map<std::string, std::string> env;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    const auto equals = line.find('=');
    if (line.empty() || line.front() == '#' || equals == std::string::npos) continue;
    env[line.substr(0, equals)] = line.substr(equals + 1);
  }
  return env;
}

// The event of a log line "2026-11-23T15:24:12Z info EXPORT_ACCEPTED …"; empty for others.
std::string event_of(const std::string& line) {
  std::istringstream words(line);
  std::string time, level, event;
  words >> time >> level >> event;
  const bool upper = event.size() >= 4 && std::all_of(event.begin(), event.end(), [](char c) {
                       return std::isupper(static_cast<unsigned char>(c)) || c == '_';
                     });
  return upper ? event : "";
}

// The last event in a log text.
std::string last_event(const std::string& text) {
  std::istringstream lines(text);
  std::string last = "(nothing logged yet)";
  for (std::string line; std::getline(lines, line);)
    if (std::string event = event_of(line); !event.empty()) last = std::move(event);
  return last;
}

std::int64_t pending_exports(const fs::path& store) {
  sqlite3* db = nullptr;
  std::int64_t count = -1;
  if (sqlite3_open_v2(store.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db,
                           "SELECT count(*) FROM export_queue WHERE next_attempt_at IS NOT NULL",
                           -1, &s, nullptr) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
      count = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
  }
  sqlite3_close(db);
  return count;
}

class Run {
 public:
  explicit Run(Options options)
      : m_o(std::move(options)),
        m_rng(m_o.seed),
        m_deadline(Steady::now() + std::chrono::seconds{m_o.timeout_s}),
        m_env(read_env_file(m_o.source_dir / "examples/sandbox.env")) {}

  Outcome go();

 private:
  bool late() const { return Steady::now() > m_deadline; }
  fs::path sandbox_bin() const { return m_o.bin_dir / "connectors/sandbox/kautiond-sandbox"; }
  fs::path daemon_bin() const { return m_o.bin_dir / "daemon/kautiond"; }
  fs::path ctl_bin() const { return m_o.bin_dir / "daemon/kautionctl"; }
  Target bank(std::size_t at) const;
  Target api() const;

  void start_sandbox();
  void ensure_sandbox();
  void kill_sandbox();
  void write_config();
  void start_daemon();
  void kill_daemon();
  void stop_daemon();
  void intake_step();
  void advance_step(int days);
  void wait_kill_moment();
  void iterate(bool kill_daemon_now, bool kill_sandbox_now);
  bool finish();
  bool read_feed(std::vector<FeedEntry>& feed);
  bool read_truth(Evidence& evidence);
  int random_int(int low, int high) { return std::uniform_int_distribution(low, high)(m_rng); }

  Options m_o;
  std::mt19937_64 m_rng;
  Steady::time_point m_deadline;
  std::map<std::string, std::string> m_env;
  fs::path m_work;
  std::array<std::uint16_t, 3> m_ports{0, 0, 0};
  std::unique_ptr<Proc> m_sandbox;
  std::unique_ptr<Proc> m_daemon;
  std::unique_ptr<Intake> m_intake;
  std::uintmax_t m_daemon_offset = 0;
  bool m_intake_done = false;
  int m_days_done = 0;
  std::unique_ptr<FeedConsumer> m_consumer;
  Outcome m_out;
};

Target Run::bank(std::size_t at) const {
  Target t;
  t.base_url = fmt::format("https://127.0.0.1:{}", m_ports[at]);
  t.ca = m_work / "sandbox/ca.pem";
  if (at == 2) {
    t.client_cert = m_work / "sandbox/dkb-client.pem";
    t.client_key = m_work / "sandbox/dkb-client.key";
  }
  return t;
}

Target Run::api() const {
  Target t;
  t.base_url = "http://localhost";
  t.unix_socket = m_work / "api.sock";
  t.bearer = m_env.at("KAUTIOND_TOKEN_ERP");
  return t;
}

void Run::start_sandbox() {
  const fs::path log = m_work / "sandbox.log";
  for (int attempt = 0; attempt < 20; ++attempt) {
    std::vector<std::string> argv{sandbox_bin(),
                                  "--seed",
                                  std::to_string(m_o.seed),
                                  "--size",
                                  std::to_string(m_o.size),
                                  "--today",
                                  m_o.today,
                                  "--pki-dir",
                                  m_work / "sandbox",
                                  "--state",
                                  m_work / "sandbox.state",
                                  "--port-file",
                                  m_work / "ports.json"};
    for (std::size_t i = 0; i < 3; ++i) {
      argv.push_back(fmt::format("--{}-port", k_banks[i]));
      argv.push_back(std::to_string(m_ports[i]));
    }
    if (!fs::exists(m_work / "portfolio.ndjson")) {
      argv.push_back("--portfolio-out");
      argv.push_back(m_work / "portfolio.ndjson");
    }
    const LogWatch watch(log, file_size_or_zero(log));
    m_sandbox = std::make_unique<Proc>(argv, log, std::map<std::string, std::string>{});
    if (watch.wait_for("READY", 120s)) break;
    m_sandbox->kill9();  // a port not yet free again: try once more
    std::this_thread::sleep_for(250ms);
  }
  if (!m_sandbox->running())
    throw std::runtime_error("kautiond-sandbox does not start: see " + log.string());
  if (m_ports[0] == 0) {
    std::ifstream in(m_work / "ports.json");
    const json ports = json::parse(in);
    for (std::size_t i = 0; i < 3; ++i)
      m_ports[i] = ports.at(k_banks[i]).get<std::uint16_t>();
  }
}

void Run::ensure_sandbox() {
  if (!m_sandbox || !m_sandbox->running()) start_sandbox();
}

void Run::kill_sandbox() {
  m_sandbox->kill9();
  ++m_out.sandbox_kills;
  std::this_thread::sleep_for(std::chrono::milliseconds{random_int(0, 500)});
  start_sandbox();
}

void Run::write_config() {
  std::ifstream in(m_o.source_dir / "examples/kautiond.json");
  json config = json::parse(in, nullptr, true, true);
  config["store"]["path"] = "kautiond.db";
  config["api"].erase("tcp");
  config["api"]["socket"] = "api.sock";
  config["schedule"]["import_every_minutes"] = 1;
  config["retry"] = {{"max_attempts", 12}, {"base_seconds", 1}, {"cap_seconds", 5}};
  config["log"] = {{"level", "debug"}, {"format", "text"}};  // BANK_EXCHANGE is debug
  for (json& access : config["accesses"]) {
    for (std::size_t i = 0; i < 3; ++i) {
      if (access["name"] != k_accesses[i]) continue;
      access["base_url"] = fmt::format("https://127.0.0.1:{}", m_ports[i]);
      if (access.contains("dkb"))
        access["dkb"]["portal_url"] = fmt::format("https://127.0.0.1:{}/portal", m_ports[i]);
    }
  }
  std::ofstream(m_work / "kautiond.json") << config.dump(2) << "\n";
}

void Run::start_daemon() {
  const fs::path log = m_work / "kautiond.log";
  m_daemon_offset = file_size_or_zero(log);
  m_daemon = std::make_unique<Proc>(
      std::vector<std::string>{daemon_bin(), "--config", m_work / "kautiond.json"}, log, m_env);
}

void Run::kill_daemon() {
  m_daemon->kill9();
  ++m_out.kills;
  ++m_out.kill_moments[last_event(LogWatch(m_work / "kautiond.log", m_daemon_offset).text())];
}

void Run::stop_daemon() {
  if (m_daemon && m_daemon->running() && m_daemon->terminate(60s) != 0)
    say("kautiond did not stop cleanly on SIGTERM");
}

void Run::intake_step() {
  if (!m_intake) {
    m_intake = std::make_unique<Intake>(
        std::vector<std::string>{ctl_bin(), "--config", m_work / "kautiond.json", "deposits",
                                 "import"},
        m_work / "portfolio.ndjson", k_intake_part, m_env, m_work / "kautionctl.log");
  }
  if (!m_intake_done && m_intake->done()) {
    m_intake_done = true;
    say("portfolio loaded");
  }
}

void Run::advance_step(int days) {
  for (int i = 0; i < days && m_days_done < m_o.days && !late(); ++i) {
    const Answer advanced = call(bank(0), "POST", "/_control/advance", R"({"days": 1})");
    if (advanced.status != 200) {
      ensure_sandbox();
      continue;
    }
    ++m_days_done;
    if (m_o.extra == 0) continue;
    for (std::size_t b = 0; b < 3; ++b)
      call(bank(b), "POST", "/_control/bookings", fmt::format(R"({{"count": {}}})", m_o.extra));
  }
}

void Run::wait_kill_moment() {
  if (random_int(0, 9) < 3) {
    std::this_thread::sleep_for(std::chrono::milliseconds{random_int(0, m_o.max_delay_ms)});
    return;
  }
  const char* event = k_trigger_events[static_cast<std::size_t>(
      random_int(0, static_cast<int>(k_trigger_events.size()) - 1))];
  LogWatch(m_work / "kautiond.log", m_daemon_offset)
      .wait_for(event, std::chrono::milliseconds{2 * m_o.max_delay_ms});
  std::this_thread::sleep_for(std::chrono::microseconds{random_int(0, 3000)});
}

// One round: the daemon (re)started, work under way, then a kill.
void Run::iterate(bool kill_daemon_now, bool kill_sandbox_now) {
  ensure_sandbox();
  if (!m_daemon || !m_daemon->running()) start_daemon();
  intake_step();
  if (m_intake_done) {  // the days spread over the rounds left
    const int rounds = std::max(1, m_o.kills + m_o.sandbox_kills);
    const int due = (m_o.days * (m_out.kills + m_out.sandbox_kills + 1) + rounds - 1) / rounds;
    advance_step(due - m_days_done);
  }
  wait_kill_moment();
  if (kill_sandbox_now) {
    kill_sandbox();
    std::this_thread::sleep_for(std::chrono::milliseconds{random_int(0, m_o.max_delay_ms)});
  }
  if (kill_daemon_now)
    kill_daemon();
  else
    stop_daemon();  // a clean restart makes the next round sync at once
}

// The last clean sync: `kautiond --once` until nothing waits to be exported and every import
// ran to its end.
bool Run::finish() {
  ensure_sandbox();
  stop_daemon();
  for (int cycle = 0; cycle < k_final_cycles && !late(); ++cycle) {
    const fs::path log = m_work / "kautiond.log";
    const LogWatch watch(log, file_size_or_zero(log));
    Proc once({daemon_bin(), "--config", m_work / "kautiond.json", "--once"}, log, m_env);
    const int code = once.wait(600s);
    const std::string text = watch.text();
    const bool imports_whole = text.find("IMPORT_FAILED") == std::string::npos &&
                               text.find("interrupted=true") == std::string::npos;
    const std::int64_t pending = pending_exports(m_work / "kautiond.db");
    if (code == 0 && imports_whole && pending == 0) return true;
    say(fmt::format("final cycle {}: exit {}, imports whole {}, exports waiting {}", cycle + 1,
                    code, imports_whole, pending));
    std::this_thread::sleep_for(2s);
  }
  return false;
}

bool Run::read_feed(std::vector<FeedEntry>& feed) {
  std::int64_t after = 0;
  for (;;) {
    const Answer page =
        call(api(), "GET", fmt::format("/api/v1/bookings?after={}&limit=10000", after));
    const json body = page.json();
    if (page.status != 200 || body.is_discarded()) return false;
    for (const json& b : body.at("bookings"))
      feed.push_back({b.at("seq").get<std::int64_t>(), b.at("booking_id").get<std::string>()});
    after = body.at("next_after").get<std::int64_t>();
    if (!body.at("has_more").get<bool>()) return true;
  }
}

// Each bank's journal in the bank_ref form the daemon keeps (dkb: "IBAN:reference"), without
// aak's open day.
bool Run::read_truth(Evidence& evidence) {
  for (std::size_t i = 0; i < 3; ++i) {
    const Answer answer = call(bank(i), "GET", "/_control/bookings", {}, 300s);
    const json body = answer.json();
    if (answer.status != 200 || body.is_discarded()) return false;
    auto& list = evidence.truth[k_accesses[i]];
    const std::string today = body.at("today").get<std::string>();
    for (const json& b : body.at("bookings")) {
      // aak publishes a day's bookings in its statement once the day is closed.
      if (i == 0 && b.at("date").get<std::string>() >= today) continue;
      std::string ref = b.at("reference").get<std::string>();
      if (i == 2 && ref.find(':') == std::string::npos)
        ref = b.at("ledger_account").get<std::string>() + ":" + ref;
      list.push_back({std::move(ref), b.at("amount_cents").get<std::int64_t>()});
    }
  }
  return true;
}

Outcome Run::go() {
  const auto began = Steady::now();
  m_work = m_o.work_dir;
  fs::create_directories(m_work);
  start_sandbox();
  write_config();
  m_consumer = std::make_unique<FeedConsumer>(api());
  int daemon_kills = 0;
  int sandbox_kills = 0;
  while (!late() && (daemon_kills < m_o.kills || sandbox_kills < m_o.sandbox_kills)) {
    const int left_daemon = m_o.kills - daemon_kills;
    const int left_sandbox = m_o.sandbox_kills - sandbox_kills;
    const bool sandbox_now = random_int(1, left_daemon + left_sandbox) <= left_sandbox;
    const bool daemon_now = left_daemon > 0 && (!sandbox_now || random_int(0, 1) == 0);
    iterate(daemon_now, sandbox_now);
    daemon_kills += daemon_now ? 1 : 0;
    sandbox_kills += sandbox_now ? 1 : 0;
    if ((daemon_kills + sandbox_kills) % 10 == 0)
      say(fmt::format("{} kills of kautiond, {} of the sandbox, {} days", m_out.kills,
                      m_out.sandbox_kills, m_days_done));
  }
  // What the kills left undone, without kills.
  while (!late() && (!m_intake_done || m_days_done < m_o.days)) {
    ensure_sandbox();
    if (!m_daemon || !m_daemon->running()) start_daemon();
    intake_step();
    if (m_intake_done) advance_step(m_o.days);
    std::this_thread::sleep_for(100ms);
  }
  Evidence evidence;
  evidence.store = m_work / "kautiond.db";
  evidence.today = today(SystemClock{});
  const bool synced = finish();
  if (!synced) say("the last sync did not complete");
  start_daemon();
  LogWatch(m_work / "kautiond.log", m_daemon_offset).wait_for("READY", 60s);
  const bool fed = read_feed(evidence.feed);
  if (!fed) say("the booking feed could not be read");
  m_consumer->catch_up(evidence.feed.empty() ? 0 : evidence.feed.back().seq, 120s);
  evidence.consumed = m_consumer->stop();
  stop_daemon();
  const bool truth = read_truth(evidence);
  if (!truth) say("the banks' bookings could not be read");
  const Verdict verdict = verify(evidence);
  for (const std::string& f : verdict.failures)
    say("FAILED: " + f);
  m_sandbox->terminate(30s);
  m_out.deposits = verdict.deposits;
  m_out.bookings = verdict.bookings;
  m_out.seconds = std::chrono::duration<double>(Steady::now() - began).count();
  const bool big_enough = verdict.truth >= m_o.min_bookings;
  if (!big_enough)
    say(fmt::format("FAILED: the banks booked {} bookings, fewer than {}", verdict.truth,
                    m_o.min_bookings));
  if (late()) say("FAILED: out of time");
  m_out.passed = synced && fed && truth && verdict.failures.empty() && big_enough && !late() &&
                 m_intake_done && m_out.kills == m_o.kills;
  std::string statuses;
  for (const auto& [status, count] : verdict.statuses)
    statuses += fmt::format(" {}={}", status, count);
  say(fmt::format("deposits {} ({}), bookings in the store {}, at the banks {}", verdict.deposits,
                  statuses, verdict.bookings, verdict.truth));
  return m_out;
}

}  // namespace

Outcome run(const Options& options) {
  return Run(options).go();
}

}  // namespace kaution::crash
