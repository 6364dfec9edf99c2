#include "connectors/sandbox/random.hpp"

namespace kaution::sandbox {

std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

Rng Rng::keyed(std::uint64_t seed, std::string_view label, std::uint64_t n) {
  std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a over the label
  for (const char c : label) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return Rng(mix64(seed ^ mix64(h ^ mix64(n + 0x9e3779b97f4a7c15ULL))));
}

std::uint64_t Rng::next() {
  m_state += 0x9e3779b97f4a7c15ULL;
  return mix64(m_state);
}

std::uint64_t Rng::below(std::uint64_t bound) {
  return next() % bound;
}

std::int64_t Rng::between(std::int64_t lo, std::int64_t hi) {
  const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
  return lo + static_cast<std::int64_t>(below(span));
}

bool Rng::percent(unsigned percent) {
  return below(100) < percent;
}

}  // namespace kaution::sandbox
