// The export queue: due order, success (current and stale), failures, parking, re-trigger,
// and accesses whose credentials were refused.
#include "queue/content_hash.hpp"
#include "store_fixture.hpp"

namespace kaution::test {
namespace {

using namespace std::chrono_literals;
using SqliteStoreExports = StoreTest;

std::string hash_of(const DepositRecord& d) {
  return sha256_hex(d.master_json);
}

std::vector<std::string> due_ids(Store& store, TimePoint now, std::size_t limit = 10) {
  std::vector<std::string> ids;
  for (const ExportJob& job : store.due_exports(now, limit))
    ids.push_back(job.deposit_id);
  return ids;
}

const Failure k_timeout{FailureClass::transient, "timeout after 60 s", {}, {}};

TEST_F(SqliteStoreExports, DueExportsAreOrderedByNextAttempt) {
  for (const char* id : {"D-1", "D-2", "D-3", "D-4"})
    store().upsert_deposit(make_deposit(id));
  store().record_export_failure("D-1", hash_of(make_deposit("D-1")), k_timeout, k_start + 30min);
  store().record_export_failure("D-2", hash_of(make_deposit("D-2")), k_timeout, k_start + 10min);
  store().record_export_failure("D-3", hash_of(make_deposit("D-3")), k_timeout, k_start + 2h);

  using V = std::vector<std::string>;
  EXPECT_EQ(due_ids(store(), k_start), V{"D-4"});
  EXPECT_EQ(due_ids(store(), k_start + 1h), (V{"D-4", "D-2", "D-1"}));
  EXPECT_EQ(due_ids(store(), k_start + 1h, 2), (V{"D-4", "D-2"}));
  EXPECT_EQ(due_ids(store(), k_start + 3h), (V{"D-4", "D-2", "D-1", "D-3"}));

  const ExportJob job = store().due_exports(k_start + 3h, 10)[1];
  EXPECT_EQ(job.connector, "aak");
  EXPECT_EQ(job.access, "aak-main");
  EXPECT_EQ(job.queued.attempts, 1);
  EXPECT_EQ(job.queued.next_attempt_at, k_start + 10min);
  EXPECT_EQ(job.queued.last_error, "timeout after 60 s");
  EXPECT_EQ(job.queued.last_error_class, FailureClass::transient);
  EXPECT_FALSE(job.bank_ref.has_value());
}

TEST_F(SqliteStoreExports, SuccessRemovesTheRowAndRecordsTheBank) {
  const DepositRecord d = make_deposit("D-1");
  store().upsert_deposit(d);
  clock.advance(1min);
  EXPECT_EQ(store().record_export_success("D-1", hash_of(d), "uuid-1"), ExportAck::current);
  EXPECT_EQ(store().record_export_success("D-9", "h", "x"), ExportAck::unknown);

  EXPECT_TRUE(store().due_exports(clock.now(), 10).empty());
  const auto row = store().get_deposit("D-1");
  EXPECT_FALSE(row->queued.has_value());
  EXPECT_EQ(row->bank.bank_ref, "uuid-1");
  EXPECT_EQ(row->bank.exported_hash, hash_of(d));
  EXPECT_EQ(row->bank.last_export_ok_at, clock.now());
  EXPECT_EQ(store().access_state("aak-main").last_export_ok_at, clock.now());
  const DepositFacts facts = *store().facts("D-1");
  EXPECT_TRUE(facts.ever_exported);
  EXPECT_FALSE(facts.export_pending);
}

TEST_F(SqliteStoreExports, SuccessForAStaleHashKeepsTheNewerDataQueued) {
  DepositRecord d = make_deposit("D-1");
  store().upsert_deposit(d);
  const std::string sent = hash_of(d);
  d.master_json += " ";  // changed while the export was in flight
  store().upsert_deposit(d);

  EXPECT_EQ(store().record_export_success("D-1", sent, "uuid-1"), ExportAck::stale);
  const auto row = store().get_deposit("D-1");
  ASSERT_TRUE(row->queued.has_value());
  EXPECT_EQ(row->queued->content_hash, hash_of(d));
  EXPECT_EQ(row->bank.bank_ref, "uuid-1");
  EXPECT_EQ(row->bank.exported_hash, sent);
  EXPECT_EQ(due_ids(store(), clock.now()), std::vector<std::string>{"D-1"});
  EXPECT_EQ(store().record_export_success("D-1", hash_of(d), "uuid-1"), ExportAck::current);
  EXPECT_TRUE(store().due_exports(clock.now(), 10).empty());
}

TEST_F(SqliteStoreExports, FailureForAStaleHashIsIgnored) {
  DepositRecord d = make_deposit("D-1");
  store().upsert_deposit(d);
  const std::string sent = hash_of(d);
  d.master_json += " ";
  store().upsert_deposit(d);
  const Failure rejected{FailureClass::rejected, "invalid", {}, {}};
  EXPECT_EQ(store().record_export_failure("D-1", sent, rejected, std::nullopt), ExportAck::stale);
  EXPECT_EQ(store().record_export_failure("D-9", sent, rejected, std::nullopt), ExportAck::unknown);
  const auto row = store().get_deposit("D-1");
  EXPECT_EQ(row->queued->attempts, 0);
  EXPECT_FALSE(row->bank.export_rejected);
  EXPECT_EQ(due_ids(store(), clock.now()), std::vector<std::string>{"D-1"});
}

TEST_F(SqliteStoreExports, RejectionParksTheRowWithTheFieldErrorsUntilRetriggered) {
  const DepositRecord d = make_deposit("D-1");
  store().upsert_deposit(d);
  const Failure rejected{FailureClass::rejected,
                         "HTTP 422",
                         {{"tenants[0].lastName", "TOO_LONG", "at most 35 characters"},
                          {"virtualIban", "", "unknown vIBAN"}},
                         {}};
  EXPECT_EQ(store().record_export_failure("D-1", hash_of(d), rejected, std::nullopt),
            ExportAck::current);

  EXPECT_TRUE(store().due_exports(clock.now() + 24h, 10).empty());
  auto row = store().get_deposit("D-1");
  EXPECT_TRUE(row->bank.export_rejected);
  EXPECT_FALSE(row->bank.retries_exhausted);
  EXPECT_EQ(row->bank.rejections, rejected.fields);
  ASSERT_TRUE(row->queued.has_value());
  EXPECT_FALSE(row->queued->next_attempt_at.has_value());
  EXPECT_EQ(row->queued->last_error_class, FailureClass::rejected);
  DepositFacts facts = *store().facts("D-1");
  EXPECT_TRUE(facts.export_failed);
  EXPECT_FALSE(facts.export_pending);

  clock.advance(2h);
  EXPECT_TRUE(store().retrigger_export("D-1"));
  EXPECT_FALSE(store().retrigger_export("D-9"));
  row = store().get_deposit("D-1");
  EXPECT_FALSE(row->bank.export_rejected);
  EXPECT_TRUE(row->bank.rejections.empty());
  EXPECT_EQ(row->queued->attempts, 0);
  EXPECT_EQ(row->queued->next_attempt_at, clock.now());
  facts = *store().facts("D-1");
  EXPECT_FALSE(facts.export_failed);
  EXPECT_TRUE(facts.export_pending);
  EXPECT_EQ(due_ids(store(), clock.now()), std::vector<std::string>{"D-1"});
}

TEST_F(SqliteStoreExports, ExhaustedRetriesParkTheRow) {
  const DepositRecord d = make_deposit("D-1");
  store().upsert_deposit(d);
  store().record_export_failure("D-1", hash_of(d), k_timeout, k_start + 1min);
  store().record_export_failure("D-1", hash_of(d), k_timeout, std::nullopt);
  const auto row = store().get_deposit("D-1");
  EXPECT_TRUE(row->bank.retries_exhausted);
  EXPECT_FALSE(row->bank.export_rejected);
  EXPECT_EQ(row->queued->attempts, 2);
  EXPECT_TRUE(store().facts("D-1")->export_failed);
  EXPECT_TRUE(store().due_exports(k_start + 24h, 10).empty());
}

TEST_F(SqliteStoreExports, RefusedCredentialsPauseTheAccess) {
  store().upsert_deposit(make_deposit("D-1", "aak-main"));
  store().upsert_deposit(make_deposit("D-2", "km-north"));
  EXPECT_FALSE(store().access_state("aak-main").credentials_refused);

  store().mark_credentials_refused("aak-main", "HTTP 401: invalid_client");
  clock.advance(1h);
  store().mark_credentials_refused("aak-main", "HTTP 401 again");
  AccessState state = store().access_state("aak-main");
  EXPECT_TRUE(state.credentials_refused);
  EXPECT_EQ(state.refused_since, k_start);
  EXPECT_EQ(state.refused_message, "HTTP 401 again");
  EXPECT_TRUE(store().facts("D-1")->credentials_refused);
  EXPECT_FALSE(store().facts("D-2")->credentials_refused);
  EXPECT_EQ(due_ids(store(), clock.now()), std::vector<std::string>{"D-2"});

  store().clear_credentials_refused("aak-main");
  state = store().access_state("aak-main");
  EXPECT_FALSE(state.credentials_refused);
  EXPECT_FALSE(state.refused_since.has_value());
  EXPECT_EQ(due_ids(store(), clock.now()), (std::vector<std::string>{"D-1", "D-2"}));
  EXPECT_EQ(store().access_states().size(), 1u);
}

}  // namespace
}  // namespace kaution::test

namespace kaution::test {
namespace {

TEST_F(SqliteStoreExports, QueueFiguresNameTheOldestWaitingExportPerAccess) {
  const DepositRecord d1 = make_deposit("D-1");
  store().upsert_deposit(d1);
  clock.advance(std::chrono::minutes{5});
  store().upsert_deposit(make_deposit("D-2"));
  store().upsert_deposit(make_deposit("D-3", "km-main"));
  // A rejected export no longer waits.
  store().record_export_failure("D-3", sha256_hex(make_deposit("D-3", "km-main").master_json),
                                Failure{FailureClass::rejected, "HTTP 422", {}, {}}, std::nullopt);
  const std::vector<QueueFigures> figures = store().queue_figures();
  ASSERT_EQ(figures.size(), 1u);
  EXPECT_EQ(figures[0].access, "aak-main");
  EXPECT_EQ(figures[0].waiting_exports, 2);
  EXPECT_EQ(figures[0].oldest_waiting_since, k_start);
  EXPECT_EQ(figures[0].unassigned_bookings, 0);
  store().record_export_success("D-1", sha256_hex(d1.master_json), "uuid-1");
  EXPECT_EQ(store().queue_figures()[0].oldest_waiting_since, k_start + std::chrono::minutes{5});
}

}  // namespace
}  // namespace kaution::test
