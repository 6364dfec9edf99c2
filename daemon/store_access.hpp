#pragma once
// StoreAccess: the daemon's one Store and the mutex that serialises its use. A Store is not
// thread-safe (queue/store.hpp); every thread — the main loop, the sync runtime, the API's
// connection threads — reaches it only through with(), which holds the mutex for the call.
// Keep the work inside with() to store calls: format answers and call banks outside it.

#include <mutex>
#include <utility>

#include "queue/store.hpp"

namespace kaution {

class StoreAccess {
 public:
  explicit StoreAccess(Store& store) : m_store(store) {}
  StoreAccess(const StoreAccess&) = delete;
  StoreAccess& operator=(const StoreAccess&) = delete;

  // Runs fn(Store&) while holding the mutex and returns what it returns.
  template <typename Fn>
  decltype(auto) with(Fn&& fn) {
    std::lock_guard lock(m_mutex);
    return std::forward<Fn>(fn)(m_store);
  }

 private:
  Store& m_store;
  std::mutex m_mutex;
};

}  // namespace kaution
