#include "connectors/sandbox/interest.hpp"

namespace kaution::sandbox {
namespace {

constexpr std::int64_t k_weight_divisor = 100LL * 1000LL * 365LL;

}  // namespace

Money gross_interest(std::int64_t weighted) {
  if (weighted <= 0) return Money{};
  return Money::from_cents((weighted + k_weight_divisor / 2) / k_weight_divisor);
}

InterestSplit split_interest(Money gross, bool church_tax, bool exempt) {
  InterestSplit split;
  split.gross = gross;
  if (!exempt && gross.cents() > 0) {
    // KapESt to the nearest cent, SolZ and KiSt cut to the cent: 3.35 → 0.84, 0.04 (aak.md).
    const std::int64_t kapest =
        church_tax ? (gross.cents() * 200 + 409) / 818 : (gross.cents() + 2) / 4;
    split.withholding_tax = Money::from_cents(kapest);
    split.solidarity_surcharge = Money::from_cents(kapest * 55 / 1000);
    if (church_tax) split.church_tax = Money::from_cents(kapest * 9 / 100);
  }
  split.net = gross - split.withholding_tax - split.solidarity_surcharge - split.church_tax;
  return split;
}

}  // namespace kaution::sandbox
