#include "daemon/sync/exporter.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <iterator>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "metrics/sync_metrics.hpp"

namespace kaution {

struct Exporter::Sent {
  ExportJob job;
  Result<std::string> bank_ref;
};

namespace {

constexpr std::size_t k_fetch_limit = 1000;
constexpr std::size_t k_record_every = 200;
// Results are recorded at least this often, so that a crash during a slow access's export
// (dkb at 5 requests a second) loses at most this much of the banks' answers.
constexpr std::chrono::seconds k_record_within{1};
constexpr std::size_t k_rounds_per_call = 8;

Failure rejected(std::string message, std::vector<FieldError> fields) {
  return Failure{FailureClass::rejected, std::move(message), std::move(fields), std::nullopt};
}

// The item to send for a job, or why it cannot be sent (a rejection: the data must change).
std::expected<ExportItem, Failure> prepare(const ExportJob& job, const AccessInfo& info) {
  const auto json = nlohmann::json::parse(job.master_json, nullptr, false);
  if (json.is_discarded()) return std::unexpected(rejected("stored master data is not JSON", {}));
  auto deposit = parse_deposit(json);
  if (!deposit)
    return std::unexpected(rejected("stored master data does not parse", deposit.error()));
  std::optional<Iban> trust = resolve_trust_account(*deposit, info);
  if (!trust && info.connector != BankProfile::aak) {
    return std::unexpected(rejected(
        "no trust account", {{"trust_account", "UNRESOLVED",
                              "name one of the access's trust accounts for this deposit"}}));
  }
  std::optional<std::string> bank_ref = job.bank_ref ? job.bank_ref : deposit->bank_ref;
  return ExportItem{job.deposit_id, std::move(*deposit), std::move(bank_ref), std::move(trust)};
}

// "field CODE message; …", or the failure's message when the bank named no field.
std::string describe(const Failure& failure) {
  if (failure.fields.empty()) return failure.message;
  std::string out;
  for (const FieldError& f : failure.fields) {
    if (!out.empty()) out += "; ";
    out += f.field;
    if (!f.code.empty()) out += " " + f.code;
    if (!f.message.empty()) out += " " + f.message;
  }
  return out;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// How many deposits one export call gets: a batch of a connector that takes several per
// request (km: 500); for one deposit per request (aak, dkb) enough to keep max_in_flight
// requests busy for eight rounds.
std::size_t call_size(SyncAccess& access) {
  const std::size_t per_request =
      std::max<std::size_t>(1, access.call([](Connector& c) { return c.max_export_batch(); }));
  if (per_request > 1) return per_request;
  return static_cast<std::size_t>(std::max(1, access.config().limits.max_in_flight)) *
         k_rounds_per_call;
}

bool is_credentials(const Result<std::string>& r) {
  return !r && r.error().failure_class == FailureClass::credentials;
}

// The first transient or protocol failure among `sent` from `from` on: the call failed.
const Failure* call_failure(const std::vector<Exporter::Sent>& sent, std::size_t from) {
  for (std::size_t i = from; i < sent.size(); ++i) {
    const Result<std::string>& r = sent[i].bank_ref;
    if (!r && (r.error().failure_class == FailureClass::transient ||
               r.error().failure_class == FailureClass::protocol))
      return &r.error();
  }
  return nullptr;
}

// The jobs due on the access that this run has not tried yet; marks them tried.
std::vector<ExportJob> next_jobs(SyncContext& context, const SyncAccess& access,
                                 std::unordered_set<std::string>& attempted, std::size_t limit) {
  auto due = context.store.with(
      [&](Store& s) { return s.due_exports_of(access.name(), context.clock.now(), limit); });
  std::vector<ExportJob> fresh;
  for (ExportJob& job : due)
    if (attempted.insert(job.deposit_id).second) fresh.push_back(std::move(job));
  return fresh;
}

}  // namespace

ExportSummary& ExportSummary::operator+=(const ExportSummary& o) {
  accepted += o.accepted;
  rejected += o.rejected;
  retried += o.retried;
  exhausted += o.exhausted;
  deferred += o.deferred;
  stopped = stopped || o.stopped;
  if (o.retry_after) retry_after = o.retry_after;
  return *this;
}

ExportSummary Exporter::run(SyncAccess& access, const RetryPolicy& policy, CycleTally& tally) {
  ExportSummary summary;
  if (!access.active() || !access.has_connector()) return summary;
  const auto started = std::chrono::steady_clock::now();
  const std::size_t batch = call_size(access);
  std::unordered_set<std::string> attempted;
  std::vector<Sent> sent;
  bool refused = false;
  auto recorded_at = std::chrono::steady_clock::now();
  while (!refused && !summary.stopped && !m_context.stopping) {
    std::vector<ExportJob> jobs =
        next_jobs(m_context, access, attempted, std::max(k_fetch_limit, batch));
    if (jobs.empty()) break;
    for (std::size_t at = 0;
         at < jobs.size() && !refused && !summary.stopped && !m_context.stopping; at += batch) {
      const auto end = std::min(jobs.size(), at + batch);
      std::vector<ExportJob> chunk(std::make_move_iterator(jobs.begin() + static_cast<long>(at)),
                                   std::make_move_iterator(jobs.begin() + static_cast<long>(end)));
      const std::size_t before = sent.size();
      send_chunk(access, chunk, sent, tally);
      if (const Failure* failed = call_failure(sent, before)) {
        summary.stopped = true;
        summary.retry_after = failed->retry_after;
      }
      const bool credentials = std::any_of(
          sent.begin(), sent.end(), [](const Sent& s) { return is_credentials(s.bank_ref); });
      const auto now = std::chrono::steady_clock::now();
      if (credentials || sent.size() >= k_record_every || now - recorded_at >= k_record_within) {
        refused = !record(access, sent, policy, summary);
        recorded_at = now;
      }
    }
    if (!refused) refused = !record(access, sent, policy, summary);
  }
  if (!attempted.empty())
    spdlog::info(
        "EXPORT_DONE access={} accepted={} rejected={} retried={} exhausted={} seconds={:.3f}",
        access.name(), summary.accepted, summary.rejected, summary.retried, summary.exhausted,
        seconds_since(started));
  return summary;
}

void Exporter::send_chunk(SyncAccess& access, std::vector<ExportJob>& chunk,
                          std::vector<Sent>& sent, CycleTally& tally) {
  std::vector<ExportItem> items;
  std::vector<ExportJob> fitting;
  for (ExportJob& job : chunk) {
    auto item = prepare(job, access.info());
    if (!item) {
      sent.push_back({std::move(job), std::unexpected(std::move(item.error()))});
      continue;
    }
    items.push_back(std::move(*item));
    fitting.push_back(std::move(job));
  }
  if (items.empty()) return;
  std::vector<ExportResult> results = access.call(
      [&](Connector& c) { return c.export_deposits(std::span<const ExportItem>(items)); });
  for (std::size_t i = 0; i < fitting.size(); ++i) {
    Result<std::string> outcome = std::unexpected(
        Failure{FailureClass::protocol, "the connector gave no result for this deposit", {}, {}});
    if (i < results.size() && results[i].deposit_id == fitting[i].deposit_id) {
      outcome = std::move(results[i].bank_ref);
      for (const FieldError& note : results[i].notes)
        spdlog::debug("EXPORT_NOTE deposit={} field={} {}", fitting[i].deposit_id, note.field,
                      note.message);
    }
    tally.record(access.name(), outcome);
    sent.push_back({std::move(fitting[i]), std::move(outcome)});
  }
}

bool Exporter::record(SyncAccess& access, std::vector<Sent>& sent, const RetryPolicy& policy,
                      ExportSummary& summary) {
  if (sent.empty()) return true;
  bool refused = false;
  m_context.store.with([&](Store& s) {
    s.transaction([&] {
      m_context.write_exchanges(s);
      for (const Sent& one : sent) {
        m_context.touch(one.job.deposit_id);
        metrics::export_result(access.name(), one.bank_ref);
        if (one.bank_ref) {
          const ExportAck ack = s.record_export_success(one.job.deposit_id,
                                                        one.job.queued.content_hash, *one.bank_ref);
          ++summary.accepted;
          spdlog::info("EXPORT_ACCEPTED deposit={} access={} bank_ref={}{}", one.job.deposit_id,
                       access.name(), *one.bank_ref,
                       ack == ExportAck::stale ? " newer_data_queued=true" : "");
        } else if (one.bank_ref.error().failure_class == FailureClass::credentials) {
          if (!refused) {
            s.mark_credentials_refused(access.name(), one.bank_ref.error().message);
            if (m_context.touched) m_context.touched->everything = true;
            spdlog::error("CREDENTIALS_REFUSED access={} message=\"{}\"", access.name(),
                          one.bank_ref.error().message);
          }
          refused = true;
          ++summary.deferred;
        } else {
          record_failure(s, access, one, one.bank_ref.error(), policy, summary);
        }
      }
    });
  });
  sent.clear();
  return !refused;
}

void Exporter::record_failure(Store& store, SyncAccess& access, const Sent& sent,
                              const Failure& failure, const RetryPolicy& policy,
                              ExportSummary& summary) {
  const ExportJob& job = sent.job;
  if (failure.failure_class == FailureClass::rejected) {
    store.record_export_failure(job.deposit_id, job.queued.content_hash, failure, std::nullopt);
    ++summary.rejected;
    spdlog::warn("EXPORT_REJECTED deposit={} access={} errors=\"{}\"", job.deposit_id,
                 access.name(), describe(failure));
    return;
  }
  const int attempts = static_cast<int>(job.queued.attempts) + 1;
  const auto next =
      next_attempt_at(policy, attempts, m_context.clock.now(), failure.retry_after, m_random);
  store.record_export_failure(job.deposit_id, job.queued.content_hash, failure, next);
  if (next) {
    ++summary.retried;
    metrics::export_retry(access.name());
    spdlog::warn("EXPORT_RETRY deposit={} access={} attempt={} next={} class={} message=\"{}\"",
                 job.deposit_id, access.name(), attempts, to_rfc3339(*next),
                 to_string(failure.failure_class), failure.message);
  } else {
    ++summary.exhausted;
    spdlog::error("EXPORT_EXHAUSTED deposit={} access={} attempts={} class={} message=\"{}\"",
                  job.deposit_id, access.name(), attempts, to_string(failure.failure_class),
                  failure.message);
  }
}

}  // namespace kaution
