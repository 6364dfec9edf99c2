#include "daemon/sync/page_feed.hpp"

#include <utility>

namespace kaution {

PageFeed::PageFeed(Fetch fetch, ImportRequest request, std::future<Result<ImportPage>> first,
                   const Clock& clock, std::size_t max_bookings)
    : m_fetch(std::move(fetch)),
      m_clock(clock),
      m_max_bookings(max_bookings),
      m_thread([this, first = std::move(first), request = std::move(request)]() mutable {
        run(std::move(first), std::move(request));
      }) {}

PageFeed::~PageFeed() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_room.notify_all();
  m_thread.join();
}

Result<ImportPage> PageFeed::next() {
  std::unique_lock lock(m_mutex);
  m_ready.wait(lock, [this] { return !m_pages.empty(); });
  Result<ImportPage> page = std::move(m_pages.front());
  m_pages.pop_front();
  if (page) m_queued_bookings -= page->bookings.size();
  lock.unlock();
  m_room.notify_one();
  return page;
}

bool PageFeed::push(Result<ImportPage> page) {
  const std::size_t bookings = page ? page->bookings.size() : 0;
  {
    std::unique_lock lock(m_mutex);
    m_room.wait(lock, [&] {
      return m_stop || m_pages.empty() || m_queued_bookings + bookings <= m_max_bookings;
    });
    if (m_stop) return false;
    m_queued_bookings += bookings;
    m_pages.push_back(std::move(page));
  }
  m_ready.notify_one();
  return true;
}

void PageFeed::run(std::future<Result<ImportPage>> first, ImportRequest request) {
  Result<ImportPage> page = first.get();
  for (;;) {
    const bool more = page && page->more && request.cursor != page->cursor;
    if (more) {
      request.cursor = page->cursor;
      request.today = today(m_clock);
    }
    if (!push(std::move(page)) || !more) return;
    {
      std::lock_guard lock(m_mutex);
      if (m_stop) return;
    }
    page = m_fetch(request);
  }
}

}  // namespace kaution
