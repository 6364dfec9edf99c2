#pragma once
// Checking a batch's entries (parse + validate: no store) on worker threads, chunk by chunk,
// while the caller stores the entries already checked, in order. So a large batch costs about
// as long as its store writes, not as long as its checks plus its writes.

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <expected>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "daemon/api/batch_body.hpp"
#include "daemon/api/deposit_intake.hpp"

namespace kaution::api {

struct BatchItem {
  std::string deposit_id;  // as the entry names it; may be empty
  std::expected<CheckedDeposit, RefusedDeposit> checked = std::unexpected(RefusedDeposit{});
  IntakeOutcome outcome;
};

// Parses and validates one entry.
BatchItem check_entry(BatchEntry& entry, const ValidationContext& validation);

class BatchChecker {
 public:
  // Starts checking `entries` into `items` (same size); both must outlive the checker. Small
  // batches are checked by the first wait() on the caller's thread.
  BatchChecker(std::vector<BatchEntry>& entries, std::vector<BatchItem>& items,
               const ValidationContext& validation);
  ~BatchChecker();  // stops the workers after their chunk and joins them
  BatchChecker(const BatchChecker&) = delete;
  BatchChecker& operator=(const BatchChecker&) = delete;

  // Blocks until items[index] is checked; rethrows what a worker's check threw.
  void wait(std::size_t index);

 private:
  void work();
  void check_chunk(std::size_t chunk);

  std::vector<BatchEntry>& m_entries;
  std::vector<BatchItem>& m_items;
  const ValidationContext& m_validation;
  std::size_t m_chunks = 0;
  std::mutex m_mutex;
  std::condition_variable m_checked;
  std::size_t m_next_chunk = 0;              // the next chunk a worker takes
  std::vector<bool> m_done;                  // per chunk
  std::vector<std::exception_ptr> m_errors;  // per chunk
  bool m_stopping = false;
  std::vector<std::jthread> m_workers;
};

}  // namespace kaution::api
