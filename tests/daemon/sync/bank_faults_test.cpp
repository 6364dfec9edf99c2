// The bank fault matrix (issue 7, "Bank faults"): each fault of the sandbox against each
// connector (aak, km, dkb), driven through the sync runtime with a manual clock. Per fault:
// the class and effect of specs/connectors.md, no call before Retry-After, no storm (the
// access stops calling after a failed call, and the sandbox never sees more requests in one
// second than the access's limit), and recovery once the fault clears — by itself, except for
// refused credentials and certificates, which need a check.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "connectors/sandbox/faults.hpp"
#include "daemon/sync/scheduler.hpp"
#include "tests/daemon/sync/log_capture.hpp"
#include "tests/daemon/sync/sandbox_bank.hpp"
#include "tests/daemon/sync/sync_harness.hpp"
#include "tests/support/process.hpp"

namespace kaution::test {
namespace {

using sandbox::Bank;
using std::chrono::seconds;

constexpr MatrixLimits k_limits;

class BankFaults : public ::testing::TestWithParam<Bank> {
 protected:
  void SetUp() override {
    sandbox::SandboxOptions options;
    options.data.seed = 11;
    options.data.size = 6;
    options.data.start = today(SystemClock{});
    options.pki_dir = m_dir.path() / "pki";
    options.ports = {0, 0, 0};
    m_sandbox = std::make_unique<sandbox::Sandbox>(options);
    m_sync = std::make_unique<SyncHarness>(std::make_unique<SandboxBank>(*m_sandbox, bank()));
    m_sync->config().retry = {6, 1, 4};
    m_sync->config().schedule = {60, 24};
    m_sync->reconfigure();
    m_sync->sync().run_due();  // the check, the first import, interest, rates: all answered
    ASSERT_FALSE(refused()) << "the access works before any fault";
    ASSERT_TRUE(m_logs.contains("IMPORT_DONE")) << m_logs.text();
    m_sandbox->context(bank()).stats.reset();
  }

  void TearDown() override {
    if (m_sandbox) context().faults.clear();
  }

  Bank bank() const { return GetParam(); }
  sandbox::BankContext& context() { return m_sandbox->context(bank()); }
  SyncScheduler& sync() { return m_sync->sync(); }
  ManualClock& clock() { return m_sync->clock(); }
  const std::string& access() const { return m_sync->access_name(); }

  void fault(const std::string& rule) {
    auto parsed = sandbox::parse_fault(nlohmann::json::parse(rule));
    ASSERT_TRUE(parsed) << parsed.error();
    context().faults.add(*parsed);
  }
  void clear_faults() { context().faults.clear(); }

  // The next `n` deposits of the bank's portfolio, stored as the API stores them.
  std::vector<std::string> put(int n) {
    std::vector<std::string> ids;
    for (int i = 0; i < n; ++i)
      ids.push_back(m_sync->put(m_sync->bank().deposit(m_next++, today(clock()))));
    return ids;
  }

  nlohmann::json stats() { return context().stats.to_json(); }
  std::int64_t requests() { return stats().value("total", std::int64_t{0}); }
  // Requests carrying master data (aak PUT deposits, km VertraegeUebertragen, dkb PUT tenancies).
  std::int64_t export_requests() {
    std::int64_t n = 0;
    const nlohmann::json requests = stats()["requests"];
    for (const auto& [key, count] : requests.items()) {
      if (key.starts_with("PUT ") || key.ends_with("#VertraegeUebertragen"))
        n += count.get<std::int64_t>();
    }
    return n;
  }
  void expect_within_rate_limit() {
    EXPECT_LE(stats().value("max_per_second", 0), k_limits.requests_per_second) << stats().dump();
  }

  bool refused() { return m_sync->store().access_state(access()).credentials_refused; }
  bool exported(const std::string& id) {
    const StoredDeposit d = m_sync->stored(id);
    return d.bank.last_export_ok_at.has_value() && !d.queued;
  }
  QueuedExport queued(const std::string& id) {
    const StoredDeposit d = m_sync->stored(id);
    if (!d.queued) throw std::logic_error(id + " is not queued");
    return *d.queued;
  }

  // Runs the runtime as the worker does, jumping the clock to each next due time, until every
  // deposit of `ids` is exported (at most `rounds` runs); false when they were not.
  bool run_until_exported(const std::vector<std::string>& ids, int rounds = 12) {
    for (int round = 0; round < rounds; ++round) {
      const TimePoint next = sync().run_due();
      bool all = true;
      for (const std::string& id : ids)
        all = all && exported(id);
      if (all) return true;
      clock().set(std::max(next, clock().now() + seconds{1}));
    }
    return false;
  }

  // The effect of a transient (or protocol) failure of the export call: every deposit stays
  // queued and not faulty, the first call failed with `expected`, and the access called the
  // bank once and then waited. Then the fault clears and the deposits go out without help.
  // `sends`: what the bank sees of the one call (libcurl repeats a request by itself, once,
  // when a reused connection dies before any answer; the rate limit paces that repeat too).
  void expect_retried_then_recovered(FailureClass expected, int sends = 1) {
    const std::vector<std::string> ids = put(2);
    sync().run_due();
    EXPECT_EQ(export_requests(), sends)
        << "after a failed call the access waits: " << stats().dump();
    int failed = 0;
    for (const std::string& id : ids) {
      EXPECT_FALSE(exported(id));
      const QueuedExport q = queued(id);
      if (q.attempts == 0) continue;
      ++failed;
      EXPECT_EQ(q.attempts, 1);
      ASSERT_TRUE(q.last_error_class.has_value());
      EXPECT_EQ(*q.last_error_class, expected) << q.last_error.value_or("");
      EXPECT_EQ(m_sync->status(id), DepositStatus::waiting);
    }
    EXPECT_GE(failed, 1);
    EXPECT_FALSE(refused());
    clear_faults();
    EXPECT_TRUE(run_until_exported(ids)) << m_logs.text();
    for (const std::string& id : ids)
      EXPECT_FALSE(m_sync->stored(id).bank.retries_exhausted);
    expect_within_rate_limit();
  }

  // A 429/503 answer with Retry-After (`retry` as the rule's JSON members) once: the access
  // makes no call before `wait` has passed, and one right after.
  void expect_retry_after_honoured(const std::string& retry, seconds quiet, seconds wait) {
    fault(R"({"kind": "status", "next": 1, )" + retry + "}");
    const std::vector<std::string> ids = put(2);
    const TimePoint failed_at = clock().now();
    sync().run_due();
    ASSERT_EQ(export_requests(), 1) << stats().dump();
    const std::int64_t after_failure = requests();
    clock().set(failed_at + quiet);
    sync().run_due();
    EXPECT_EQ(requests(), after_failure) << "a call before Retry-After: " << stats().dump();
    for (const std::string& id : ids)
      EXPECT_FALSE(exported(id));
    clock().set(failed_at + wait);
    sync().run_due();
    for (const std::string& id : ids)
      EXPECT_TRUE(exported(id)) << m_logs.text();
    expect_within_rate_limit();
  }

  TempDir m_dir;
  LogCapture m_logs;
  std::unique_ptr<sandbox::Sandbox> m_sandbox;
  std::unique_ptr<SyncHarness> m_sync;
  int m_next = 0;
};

TEST_P(BankFaults, LatencyBeyondTheTimeoutIsTransient) {
  fault(R"({"kind": "latency", "latency_ms": 4000})");
  expect_retried_then_recovered(FailureClass::transient);
}

TEST_P(BankFaults, ServerThatNeverAnswersIsTransient) {
  fault(R"({"kind": "hang"})");
  expect_retried_then_recovered(FailureClass::transient);
}

TEST_P(BankFaults, ConnectionResetBeforeTheAnswerIsTransient) {
  fault(R"({"kind": "reset"})");
  expect_retried_then_recovered(FailureClass::transient, 2);
}

TEST_P(BankFaults, ConnectionResetMidBodyIsTransient) {
  fault(R"({"kind": "reset_body"})");
  expect_retried_then_recovered(FailureClass::transient);
}

TEST_P(BankFaults, TruncatedBodyIsTransient) {
  fault(R"({"kind": "truncate"})");
  expect_retried_then_recovered(FailureClass::transient);
}

TEST_P(BankFaults, MalformedBodyIsProtocol) {
  fault(R"({"kind": "malformed"})");
  expect_retried_then_recovered(FailureClass::protocol);
}

TEST_P(BankFaults, WrongContentTypeIsProtocol) {
  fault(R"({"kind": "content_type"})");
  expect_retried_then_recovered(FailureClass::protocol);
}

TEST_P(BankFaults, ServerErrorBurstIsRetriedWithBackoff) {
  fault(R"({"kind": "status", "status": 500, "next": 4})");
  const std::vector<std::string> ids = put(3);
  EXPECT_TRUE(run_until_exported(ids)) << m_logs.text();
  EXPECT_EQ(stats().value("faults_injected", 0), 4);
  // Four failed calls, then one call per deposit (km: one batch).
  EXPECT_EQ(export_requests(), 4 + (bank() == Bank::km ? 1 : 3)) << stats().dump();
  expect_within_rate_limit();
}

TEST_P(BankFaults, PersistentServerErrorEndsFaultyAfterTheAttempts) {
  fault(R"({"kind": "status", "status": 503})");
  const std::vector<std::string> ids = put(1);
  for (int round = 0; round < 10; ++round) {
    const TimePoint next = sync().run_due();
    clock().set(std::max(next, clock().now() + seconds{1}));
  }
  EXPECT_EQ(export_requests(), 6) << "max_attempts 6: " << stats().dump();
  EXPECT_EQ(m_sync->status(ids[0]), DepositStatus::faulty);
  EXPECT_TRUE(m_sync->stored(ids[0]).bank.retries_exhausted);
  expect_within_rate_limit();
}

TEST_P(BankFaults, TooManyRequestsWithRetryAfterSeconds) {
  expect_retry_after_honoured(R"("status": 429, "retry_after": "5")", seconds{4}, seconds{5});
}

TEST_P(BankFaults, UnavailableWithRetryAfterHttpDate) {
  // The sandbox writes the date from its wall clock, 6 s ahead; whole seconds make it 5–6 s.
  clock().set(std::chrono::time_point_cast<seconds>(SystemClock{}.now()));
  expect_retry_after_honoured(R"("status": 503, "retry_after_date_in": 6)", seconds{4}, seconds{7});
}

TEST_P(BankFaults, GarbageRetryAfterFallsBackToBackoff) {
  fault(R"({"kind": "status", "status": 503, "retry_after": "soon, maybe", "next": 1})");
  const std::vector<std::string> ids = put(1);
  const TimePoint failed_at = clock().now();
  sync().run_due();
  const QueuedExport q = queued(ids[0]);
  EXPECT_EQ(q.last_error_class, FailureClass::transient);
  ASSERT_TRUE(q.next_attempt_at.has_value());
  EXPECT_LE(*q.next_attempt_at, failed_at + seconds{1}) << "the first backoff window is base 1 s";
  EXPECT_TRUE(run_until_exported(ids)) << m_logs.text();
  expect_within_rate_limit();
}

TEST_P(BankFaults, RefusedCredentialsMidRunPauseUntilChecked) {
  const std::vector<std::string> first = put(1);
  ASSERT_TRUE(run_until_exported(first)) << m_logs.text();
  fault(R"({"kind": "credentials"})");
  const std::vector<std::string> ids = put(2);
  sync().run_due();
  EXPECT_TRUE(refused());
  for (const std::string& id : ids) {
    EXPECT_EQ(m_sync->status(id), DepositStatus::credentials_invalid);
    EXPECT_EQ(queued(id).attempts, 0) << "a refusal is not an export attempt";
  }
  clear_faults();
  const std::int64_t before = requests();
  clock().advance(std::chrono::hours{2});
  sync().run_due();
  EXPECT_EQ(requests(), before) << "the access pauses until a check: " << stats().dump();
  ASSERT_TRUE(sync().check_access(access()));
  EXPECT_FALSE(refused());
  EXPECT_TRUE(run_until_exported(ids)) << m_logs.text();
  expect_within_rate_limit();
}

TEST_P(BankFaults, ExpiredServerCertificateIsNotTrusted) {
  m_sandbox->serve_tls(bank(), sandbox::TlsFault::expired);
  const std::vector<std::string> ids = put(1);
  sync().run_due();
  EXPECT_EQ(requests(), 0) << "nothing reaches a server whose certificate failed";
  EXPECT_EQ(queued(ids[0]).last_error_class, FailureClass::transient);
  EXPECT_NE(queued(ids[0]).last_error.value_or("").find("certificate"), std::string::npos);
  m_sandbox->serve_tls(bank(), sandbox::TlsFault::none);
  EXPECT_TRUE(run_until_exported(ids)) << m_logs.text();
}

TEST_P(BankFaults, ServerCertificateOfAnotherCaIsNotTrusted) {
  m_sandbox->serve_tls(bank(), sandbox::TlsFault::foreign_ca);
  const std::vector<std::string> ids = put(1);
  sync().run_due();
  EXPECT_EQ(requests(), 0);
  EXPECT_EQ(queued(ids[0]).last_error_class, FailureClass::transient);
  m_sandbox->serve_tls(bank(), sandbox::TlsFault::none);
  EXPECT_TRUE(run_until_exported(ids)) << m_logs.text();
}

TEST_P(BankFaults, WrongClientCertificateIsCredentials) {
  if (bank() != Bank::dkb) GTEST_SKIP() << "mutual TLS is dkb's";
  const sandbox::PkiFiles foreign = sandbox::ensure_pki(m_dir.path() / "foreign");
  AccessConfig& a = m_sync->config().accesses.front();
  a.tls.client_cert = foreign.client_cert;
  a.tls.client_key = foreign.client_key;
  m_sync->reconfigure();  // the next run checks the access
  const std::vector<std::string> ids = put(1);
  sync().run_due();
  EXPECT_TRUE(refused());
  EXPECT_EQ(m_sync->status(ids[0]), DepositStatus::credentials_invalid);
  clock().advance(std::chrono::hours{1});
  const std::int64_t before = requests();
  sync().run_due();
  EXPECT_EQ(requests(), before) << "the access pauses until a check: " << stats().dump();
  a.tls.client_cert = m_sandbox->pki().client_cert;
  a.tls.client_key = m_sandbox->pki().client_key;
  m_sync->reconfigure();  // the operator's fix; the check after it lifts the refusal
  EXPECT_TRUE(run_until_exported(ids)) << m_logs.text();
  EXPECT_TRUE(m_logs.contains("resumed=true")) << m_logs.text();
}

TEST_P(BankFaults, ImportHonoursRetryAfterBeyondItsSchedule) {
  clock().advance(std::chrono::minutes{61});  // the next import is due
  fault(R"({"kind": "status", "status": 429, "retry_after": "7200", "next": 1})");
  sync().run_due();
  EXPECT_TRUE(m_logs.contains("IMPORT_FAILED")) << m_logs.text();
  const std::int64_t after_failure = requests();
  EXPECT_LE(after_failure, 2) << stats().dump();
  clock().advance(std::chrono::minutes{61});  // the schedule says import, the bank said wait
  sync().run_due();
  EXPECT_EQ(requests(), after_failure) << "a call before Retry-After: " << stats().dump();
  clock().advance(std::chrono::minutes{60});
  m_logs.clear();
  sync().run_due();
  EXPECT_TRUE(m_logs.contains("IMPORT_DONE")) << m_logs.text();
}

TEST_P(BankFaults, ImportFailuresKeepTheCursorAndRecover) {
  clock().advance(std::chrono::minutes{61});
  const std::optional<std::string> cursor = m_sync->store().cursor(access());
  fault(R"({"kind": "truncate"})");
  m_logs.clear();
  sync().run_due();
  EXPECT_TRUE(m_logs.contains("IMPORT_FAILED")) << m_logs.text();
  EXPECT_EQ(m_sync->store().cursor(access()), cursor);
  clear_faults();
  clock().advance(std::chrono::minutes{61});
  m_logs.clear();
  sync().run_due();
  EXPECT_TRUE(m_logs.contains("IMPORT_DONE")) << m_logs.text();
  expect_within_rate_limit();
}

std::string bank_label(const ::testing::TestParamInfo<Bank>& info) {
  return std::string(sandbox::bank_name(info.param));
}

INSTANTIATE_TEST_SUITE_P(Matrix, BankFaults, ::testing::Values(Bank::aak, Bank::km, Bank::dkb),
                         bank_label);

}  // namespace
}  // namespace kaution::test
