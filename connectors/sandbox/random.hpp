#pragma once
// Deterministic pseudo-random numbers for the sandbox's data set. A stream is keyed by the seed
// and a label (and a number), so a value depends only on what it is for — never on how many
// other values were drawn before it, nor on the order requests arrive in.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace kaution::sandbox {

// SplitMix64's finaliser: a bijective mix of 64 bits.
std::uint64_t mix64(std::uint64_t x);

class Rng {
 public:
  explicit Rng(std::uint64_t state) : m_state(state) {}
  // The stream for (seed, label, n).
  static Rng keyed(std::uint64_t seed, std::string_view label, std::uint64_t n = 0);

  std::uint64_t next();
  // 0 … bound-1; bound > 0.
  std::uint64_t below(std::uint64_t bound);
  // lo … hi, both included; lo <= hi.
  std::int64_t between(std::int64_t lo, std::int64_t hi);
  // True with probability percent/100.
  bool percent(unsigned percent);
  template <class T>
  const T& pick(std::span<const T> items) {
    return items[static_cast<std::size_t>(below(items.size()))];
  }

 private:
  std::uint64_t m_state;
};

}  // namespace kaution::sandbox
