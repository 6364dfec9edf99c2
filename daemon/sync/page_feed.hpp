#pragma once
// PageFeed: fetches an import's pages one after another on its own thread, each request with
// the cursor of the page before, while the importer stores what came: bank and store work side
// by side for the whole import, not only for one page. It stays at most `max_bookings` ahead
// (one page always fits) and stops after the last page, a failure, or a page that announces
// more without advancing the cursor (the importer reports that). Destroying the feed stops it
// and waits for a request under way.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>

#include "connectors/connector.hpp"
#include "core/clock.hpp"

namespace kaution {

class PageFeed {
 public:
  using Fetch = std::function<Result<ImportPage>(const ImportRequest&)>;

  // `first` is the answer to `request` (already asked for).
  PageFeed(Fetch fetch, ImportRequest request, std::future<Result<ImportPage>> first,
           const Clock& clock, std::size_t max_bookings);
  ~PageFeed();
  PageFeed(const PageFeed&) = delete;
  PageFeed& operator=(const PageFeed&) = delete;

  // The next page, waiting for it. Only after a page that announced more (and advanced the
  // cursor): the feed has ended otherwise.
  Result<ImportPage> next();

 private:
  void run(std::future<Result<ImportPage>> first, ImportRequest request);
  // Queues `page` once there is room; false when the feed was stopped.
  bool push(Result<ImportPage> page);

  Fetch m_fetch;
  const Clock& m_clock;
  const std::size_t m_max_bookings;
  std::mutex m_mutex;
  std::condition_variable m_ready;  // a page was queued
  std::condition_variable m_room;   // a page was taken, or stop
  std::deque<Result<ImportPage>> m_pages;
  std::size_t m_queued_bookings = 0;
  bool m_stop = false;
  std::thread m_thread;  // last: started once the members above exist
};

}  // namespace kaution
