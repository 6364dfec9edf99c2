#pragma once
// CycleTally: per access, whether the bank answered during one cycle. A success or a
// rejection is an answer; transient, protocol and credentials failures are not. An access
// with calls and not one answer "could not be reached at all" (kautiond --once exits 3).

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/failure.hpp"

namespace kaution {

class CycleTally {
 public:
  void answered(std::string_view access);
  void failed(std::string_view access);
  // answered() for a success or a rejection, failed() otherwise.
  void record(std::string_view access, const Failure* failure);
  template <class T>
  void record(std::string_view access, const Result<T>& result) {
    record(access, result ? nullptr : &result.error());
  }

  bool unreachable(std::string_view access) const;
  // The accesses with calls and no answer, in name order.
  std::vector<std::string> unreachable_accesses() const;

 private:
  struct Counts {
    int answered = 0;
    int failed = 0;
  };
  std::map<std::string, Counts, std::less<>> m_counts;
};

}  // namespace kaution
