#include "daemon/api/batch_check.hpp"

#include <algorithm>

namespace kaution::api {
namespace {

constexpr std::size_t k_chunk = 250;           // entries per chunk
constexpr std::size_t k_parallel_from = 1000;  // smaller batches: no workers
constexpr unsigned k_max_workers = 4;

std::string named_id(const nlohmann::json& value) {
  if (!value.is_object()) return {};
  const auto it = value.find("deposit_id");
  return it != value.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

BatchItem check_entry(BatchEntry& entry, const ValidationContext& validation) {
  auto value = read_entry(entry);
  if (!value) return {{}, std::unexpected(RefusedDeposit{{value.error()}, std::nullopt}), {}};
  std::string id = named_id(*value);
  return {std::move(id), check_deposit(std::move(*value), std::nullopt, validation), {}};
}

BatchChecker::BatchChecker(std::vector<BatchEntry>& entries, std::vector<BatchItem>& items,
                           const ValidationContext& validation)
    : m_entries(entries),
      m_items(items),
      m_validation(validation),
      m_chunks((entries.size() + k_chunk - 1) / k_chunk),
      m_done(m_chunks, false),
      m_errors(m_chunks) {
  if (entries.size() < k_parallel_from) return;
  // As many as there are cores: checking costs more than storing, so the storing thread, which
  // mostly waits at first, shares a core (measured: 2 workers beat 1 on 2 cores).
  const unsigned workers = std::clamp(std::thread::hardware_concurrency(), 1U, k_max_workers);
  for (unsigned i = 0; i < workers; ++i)
    m_workers.emplace_back([this] { work(); });
}

BatchChecker::~BatchChecker() {
  {
    std::lock_guard lock(m_mutex);
    m_stopping = true;
  }
  m_workers.clear();  // joins
}

void BatchChecker::check_chunk(std::size_t chunk) {
  std::exception_ptr error;
  try {
    const std::size_t end = std::min(m_entries.size(), (chunk + 1) * k_chunk);
    for (std::size_t i = chunk * k_chunk; i < end; ++i)
      m_items[i] = check_entry(m_entries[i], m_validation);
  } catch (...) {
    error = std::current_exception();
  }
  {
    std::lock_guard lock(m_mutex);
    m_done[chunk] = true;
    m_errors[chunk] = error;
  }
  m_checked.notify_all();
}

void BatchChecker::work() {
  for (;;) {
    std::size_t chunk = 0;
    {
      std::lock_guard lock(m_mutex);
      if (m_stopping || m_next_chunk == m_chunks) return;
      chunk = m_next_chunk++;
    }
    check_chunk(chunk);
  }
}

void BatchChecker::wait(std::size_t index) {
  const std::size_t chunk = index / k_chunk;
  std::unique_lock lock(m_mutex);
  if (m_workers.empty() && !m_done[chunk] && m_next_chunk <= chunk) {
    // No workers: check it here (chunks are taken in order).
    m_next_chunk = chunk + 1;
    lock.unlock();
    check_chunk(chunk);
    lock.lock();
  }
  m_checked.wait(lock, [&] { return m_done[chunk]; });
  if (m_errors[chunk]) std::rethrow_exception(m_errors[chunk]);
}

}  // namespace kaution::api
