#pragma once
// Interest and the taxes withheld on it (specs/domain.md, "Interest"), in whole cents.

#include <cstdint>

#include "core/money.hpp"

namespace kaution::sandbox {

struct InterestSplit {
  Money gross;
  Money withholding_tax;       // Kapitalertragsteuer 25 % (with church tax: gross / 4.09)
  Money solidarity_surcharge;  // 5.5 % of it
  Money church_tax;            // 9 % of it, when liable
  Money net;
};

// Gross interest from Σ balance-cents × rate-milli-percent over the days: / (100 · 1000 · 365),
// rounded half up.
Money gross_interest(std::int64_t weighted);
// KapESt rounded to the cent, SolZ and KiSt cut to the cent (the example in aak.md: 3.35 gross
// → 0.84 KapESt, 0.04 SolZ, 2.47 net); no taxes with an exemption order.
InterestSplit split_interest(Money gross, bool church_tax, bool exempt);

}  // namespace kaution::sandbox
