// parallel_for: every index once, on several threads at most `workers`, the first exception
// rethrown after the calls under way.
#include "connectors/http/parallel.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

namespace kaution::httpclient {
namespace {

TEST(ParallelFor, CallsEveryIndexOnceOnAtMostTheWorkers) {
  std::vector<std::atomic<int>> calls(200);
  std::atomic<int> running{0};
  std::atomic<int> most{0};
  std::mutex mutex;
  std::set<std::thread::id> threads;
  parallel_for(calls.size(), 4, [&](std::size_t i) {
    const int now = ++running;
    for (int seen = most; now > seen && !most.compare_exchange_weak(seen, now);) {
    }
    {
      const std::lock_guard lock(mutex);
      threads.insert(std::this_thread::get_id());
    }
    ++calls[i];
    std::this_thread::yield();
    --running;
  });
  for (const auto& c : calls)
    EXPECT_EQ(c.load(), 1);
  EXPECT_LE(most.load(), 4);
  EXPECT_LE(threads.size(), 4u);
}

TEST(ParallelFor, NothingToDoCallsNothing) {
  bool called = false;
  parallel_for(0, 8, [&](std::size_t) { called = true; });
  EXPECT_FALSE(called);
}

TEST(ParallelFor, AnExceptionStopsFurtherIndicesAndIsRethrown) {
  std::atomic<int> calls{0};
  EXPECT_THROW(parallel_for(1000, 1,
                            [&](std::size_t i) {
                              ++calls;
                              if (i == 3) throw std::runtime_error("bad item");
                            }),
               std::runtime_error);
  EXPECT_EQ(calls.load(), 4);  // one worker: indices 0..3, then no more
}

}  // namespace
}  // namespace kaution::httpclient
