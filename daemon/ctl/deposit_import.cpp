#include "daemon/ctl/deposit_import.hpp"

#include <algorithm>
#include <map>
#include <span>

#include "daemon/ctl/batch_answer.hpp"
#include "daemon/ctl/import_report.hpp"
#include "daemon/ctl/progress.hpp"

namespace kaution::ctl {
namespace {

enum class BatchStatus { ok, refused, unreachable };

struct Pending {
  std::size_t index;  // into ImportSource::rows
  std::string json;   // the deposit as sent
};

class BatchSender {
 public:
  BatchSender(const Context& ctx, const ImportSource& source, ImportTally& tally)
      : m_ctx(ctx), m_source(source), m_tally(tally) {}

  // Sends one batch (splitting it on 413) and counts its results.
  BatchStatus send(std::span<const Pending> batch) {
    ++m_tally.batches;
    std::string body = "[";
    for (const auto& p : batch)
      body += (body.size() > 1 ? "," : "") + p.json;
    body += "]";
    auto answer = m_ctx.api.send(make_request("POST", "/api/v1/deposits:batch", std::move(body)));
    if (!answer) {
      m_ctx.err << "kautionctl: " << answer.error().message << "\n";
      return BatchStatus::unreachable;
    }
    if (answer->status == 413) return split(batch);
    const auto json = Json::parse(answer->body, nullptr, false);
    auto results = read_batch_answer(json);
    const bool ok = answer->status >= 200 && answer->status < 300;
    if (!ok && results.empty()) {
      if (m_ctx.redactor != nullptr) answer->body = m_ctx.redactor->scrub(answer->body);
      print_problem(read_problem(*answer), m_ctx.err);
      return BatchStatus::refused;
    }
    count(batch, results);
    return BatchStatus::ok;
  }

 private:
  BatchStatus split(std::span<const Pending> batch) {
    --m_tally.batches;  // counted again as its halves
    if (batch.size() == 1) {
      ++m_tally.batches;
      m_tally.rejected.push_back(
          {batch[0].index, {{"", "too large for the daemon's request body limit (HTTP 413)"}}});
      return BatchStatus::ok;
    }
    const auto half = batch.size() / 2;
    const auto first = send(batch.first(half));
    if (first != BatchStatus::ok) return first;
    return send(batch.subspan(half));
  }

  void count(std::span<const Pending> batch, const std::vector<BatchResult>& results) {
    if (results.size() == batch.size()) {
      for (std::size_t i = 0; i < batch.size(); ++i)
        count_one(batch[i].index, results[i]);
      return;
    }
    std::map<std::string, const BatchResult*, std::less<>> by_id;
    for (const auto& r : results)
      by_id.emplace(r.deposit_id, &r);
    for (const auto& p : batch) {
      const auto it = by_id.find(m_source.rows[p.index].deposit_id);
      if (it == by_id.end() || it->first.empty())
        m_tally.rejected.push_back({p.index, {{"", "the daemon's answer has no result for it"}}});
      else
        count_one(p.index, *it->second);
    }
  }

  void count_one(std::size_t index, const BatchResult& result) {
    switch (result.outcome) {
      case Outcome::created:
        ++m_tally.created;
        break;
      case Outcome::changed:
        ++m_tally.changed;
        break;
      case Outcome::unchanged:
        ++m_tally.unchanged;
        break;
      case Outcome::unknown:
        ++m_tally.unknown;
        break;
      case Outcome::rejected:
        m_tally.rejected.push_back(
            {index, result.errors.empty()
                        ? std::vector<ProblemFieldError>{{"", "rejected (no reason given)"}}
                        : result.errors});
        break;
    }
  }

  const Context& m_ctx;
  const ImportSource& m_source;
  ImportTally& m_tally;
};

// Sends every row without local errors, in batches within both limits; the exit code.
int send_all(const Context& ctx, const ImportOptions& options, const ImportSource& source,
             ImportTally& tally) {
  ProgressBar bar(options.progress, source.rows.size());
  BatchSender sender(ctx, source, tally);
  std::vector<Pending> batch;
  std::size_t bytes = 2, done = 0;
  auto flush = [&]() -> BatchStatus {
    if (batch.empty()) return BatchStatus::ok;
    const auto status = sender.send(batch);
    if (status == BatchStatus::ok) done += batch.size();
    bar.update(done);
    batch.clear();
    bytes = 2;
    return status;
  };
  const std::size_t batch_size =
      std::clamp<std::size_t>(options.batch_size, 1, k_max_batch_deposits);
  for (std::size_t i = 0; i < source.rows.size(); ++i) {
    const auto& row = source.rows[i];
    if (!row.errors.empty()) {
      tally.rejected.push_back({i, row.errors});
      ++done;
      continue;
    }
    std::string json = row.deposit.dump();
    if (batch.size() == batch_size ||
        (!batch.empty() && bytes + json.size() + 1 > options.batch_bytes)) {
      const auto status = flush();
      if (status != BatchStatus::ok) {
        tally.not_sent = source.rows.size() - done;
        return status == BatchStatus::refused ? k_exit_refused : k_exit_usage;
      }
    }
    bytes += json.size() + 1;
    batch.push_back({i, std::move(json)});
  }
  const auto status = flush();
  if (status != BatchStatus::ok) tally.not_sent = source.rows.size() - done;
  if (status == BatchStatus::refused) return k_exit_refused;
  if (status == BatchStatus::unreachable) return k_exit_usage;
  return tally.rejected.empty() ? k_exit_ok : k_exit_refused;
}

}  // namespace

int import_deposits(const Context& ctx, const ImportOptions& options) {
  auto source = read_import_source(options.file);
  if (!source) {
    ctx.err << "kautionctl: " << source.error() << "\n";
    return k_exit_usage;
  }
  ImportTally tally;
  int exit_code = send_all(ctx, options, *source, tally);
  std::sort(tally.rejected.begin(), tally.rejected.end(),
            [](const Rejection& a, const Rejection& b) { return a.index < b.index; });
  const std::string file = options.file.string();
  if (ctx.json)
    print_summary_json(ctx.out, file, *source, tally);
  else
    print_summary(ctx.out, file, *source, tally);
  if (options.rejected_out) {
    if (auto written = write_rejected(*options.rejected_out, *source, tally); !written) {
      ctx.err << "kautionctl: " << written.error() << "\n";
      exit_code = std::max(exit_code, k_exit_usage);
    }
  }
  return exit_code;
}

}  // namespace kaution::ctl
