#pragma once
// parallel_for: the requests of one connector call run side by side, up to the access's
// max_in_flight (the client's semaphore bounds them anyway; this bounds the threads).

#include <cstddef>
#include <functional>

namespace kaution::httpclient {

// Calls fn(i) for every i in [0, count), taking indices in ascending order, on up to `workers`
// threads (the calling thread is one of them); returns when every call has returned. fn must
// be thread-safe. When a call throws, no further index is started and the first exception is
// rethrown here once the calls under way have returned.
void parallel_for(std::size_t count, std::size_t workers,
                  const std::function<void(std::size_t)>& fn);

}  // namespace kaution::httpclient
