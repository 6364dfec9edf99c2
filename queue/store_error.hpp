#pragma once
// StoreError: the store could not do what was asked — the file was refused or could not be
// opened, an I/O error, corruption, a broken constraint, a lock held longer than the busy
// timeout. The message names the database, the statement and the backend's own message.
// Whatever the failed call was writing has been rolled back; callers treat the error as
// unrecoverable for that operation (at start-up: exit with the message).

#include <stdexcept>

namespace kaution {

class StoreError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace kaution
