// PageFeed: pages fetched ahead on their own thread, following the cursor, bounded, stoppable.
#include "daemon/sync/page_feed.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

namespace kaution::test {
namespace {

using namespace std::chrono_literals;

// A bank of `pages` pages of `per_page` bookings; the cursor is the number of the next page.
struct PagedBank {
  int pages = 5;
  std::size_t per_page = 10;
  std::atomic<int> requests{0};
  std::optional<int> fail_at;   // the answer to this cursor is a failure
  std::optional<int> stuck_at;  // this cursor is answered with more=true and itself

  Result<ImportPage> answer(const ImportRequest& r) {
    ++requests;
    const int at = r.cursor ? std::stoi(*r.cursor) : 0;
    if (fail_at == at) return std::unexpected(Failure{FailureClass::transient, "503", {}, {}});
    ImportPage page;
    page.bookings.resize(per_page);
    page.more = at + 1 < pages;
    page.cursor = std::to_string(stuck_at == at ? at : at + 1);
    return page;
  }
};

std::future<Result<ImportPage>> ready(Result<ImportPage> page) {
  std::promise<Result<ImportPage>> promise;
  promise.set_value(std::move(page));
  return promise.get_future();
}

class PageFeedTest : public ::testing::Test {
 protected:
  std::unique_ptr<PageFeed> feed(std::size_t max_bookings) {
    const ImportRequest first{std::nullopt, Date::from_days(0), nullptr, {}};
    return std::make_unique<PageFeed>([this](const ImportRequest& r) { return bank.answer(r); },
                                      first, ready(bank.answer(first)), clock, max_bookings);
  }

  // The bank sees no request beyond the `n`th, also a moment later.
  void expect_requests_stay_at(int n) {
    std::this_thread::sleep_for(50ms);
    EXPECT_EQ(bank.requests, n);
  }

  PagedBank bank;
  ManualClock clock{TimePoint{}};
};

TEST_F(PageFeedTest, FollowsTheCursorToTheLastPage) {
  auto pages = feed(1000);
  for (int i = 1; i <= 5; ++i) {
    const auto page = pages->next();
    ASSERT_TRUE(page);
    EXPECT_EQ(page->cursor, std::to_string(i));
    EXPECT_EQ(page->more, i < 5);
  }
  EXPECT_EQ(bank.requests, 5) << "no request after the last page";
}

TEST_F(PageFeedTest, StaysWithinItsLimitAhead) {
  const auto requests_reach = [&](int n) {
    for (int i = 0; i < 500 && bank.requests < n; ++i)
      std::this_thread::sleep_for(10ms);
    return bank.requests >= n;
  };
  auto pages = feed(25);  // two pages of 10 fit, a third does not
  // The first page (asked for before) and the second queued, the third fetched and waiting.
  ASSERT_TRUE(requests_reach(3));
  expect_requests_stay_at(3);  // while the queue is full
  ASSERT_TRUE(pages->next());
  EXPECT_TRUE(requests_reach(4));
  expect_requests_stay_at(4);
}

TEST_F(PageFeedTest, StopsAfterAFailure) {
  bank.fail_at = 2;
  auto pages = feed(1000);
  for (const char* cursor : {"1", "2"})
    EXPECT_EQ(pages->next()->cursor, cursor);
  const auto failed = pages->next();
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().failure_class, FailureClass::transient);
  expect_requests_stay_at(3);
}

TEST_F(PageFeedTest, StopsWhenTheCursorDoesNotAdvance) {
  bank.stuck_at = 1;
  auto pages = feed(1000);
  EXPECT_EQ(pages->next()->cursor, "1");
  const auto stuck = pages->next();
  EXPECT_TRUE(stuck->more);
  EXPECT_EQ(stuck->cursor, "1");  // the importer reports this; the feed asks no more
  expect_requests_stay_at(2);
}

TEST_F(PageFeedTest, DestroyedMidwayItStopsFetching) {
  bank.pages = 1000;
  {
    auto pages = feed(20);
    EXPECT_TRUE(pages->next());
  }
  EXPECT_LT(bank.requests, 10);
  expect_requests_stay_at(bank.requests);
}

}  // namespace
}  // namespace kaution::test
