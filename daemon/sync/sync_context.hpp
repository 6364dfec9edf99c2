#pragma once
// What every part of the sync runtime works with: the shared store, the clock, the flag that
// asks a run under way to stop after the step it is in (each step is atomic in the store), and
// the log of bank exchanges, written with the step's results.

#include <atomic>

#include "core/clock.hpp"
#include "daemon/store_access.hpp"
#include "daemon/sync/exchange_buffer.hpp"
#include "daemon/sync/touched.hpp"

namespace kaution {

struct SyncContext {
  StoreAccess& store;
  const Clock& clock;
  const std::atomic<bool>& stopping;
  ExchangeBuffer* exchanges = nullptr;  // may be null
  TouchedDeposits* touched = nullptr;   // may be null: what the run changed, for derivation

  void touch(const std::string& deposit_id) const {
    if (touched) touched->add(deposit_id);
  }

  // Inside a store transaction: writes the exchanges collected so far.
  void write_exchanges(Store& s) const {
    if (exchanges) exchanges->write_to(s);
  }
};

}  // namespace kaution
