#include "connectors/sandbox/behaviour.hpp"

#include <fmt/format.h>

#include "connectors/sandbox/random.hpp"

namespace kaution::sandbox {

Behaviour behaviour_for(std::uint64_t seed, std::string_view contract) {
  Rng rng = Rng::keyed(seed, std::string("behaviour:") + std::string(contract));
  Behaviour b;
  for (int& lag : b.lag_days)
    lag = static_cast<int>(rng.between(1, 5));
  const std::uint64_t paying = rng.below(100);
  b.instalments_paid = paying < 90 ? 3 : paying < 96 ? 2 : 0;
  if (rng.percent(5)) b.reversed_instalment = 0;
  b.welfare_office = rng.percent(15);
  const std::uint64_t wording = rng.below(100);
  b.remittance = wording < 85   ? Remittance::with_contract
                 : wording < 90 ? Remittance::spaced
                 : wording < 95 ? Remittance::typo
                                : Remittance::without;
  b.misdirected = rng.percent(5);
  b.church_tax = rng.percent(20);
  b.tax_exempt = rng.percent(30);
  b.paid_out = rng.percent(70);
  b.closing_fee = rng.percent(50);
  b.payer_account = 1000000000ULL + rng.below(8000000000ULL);
  return b;
}

std::string remittance_text(const Behaviour& behaviour, std::string_view contract, int k,
                            std::string_view payer_last_name) {
  const std::string rate = fmt::format("Rate {}", k + 1);
  switch (behaviour.remittance) {
    case Remittance::with_contract:
      return fmt::format("Kaution {} {}", contract, rate);
    case Remittance::spaced: {
      std::string spaced(contract);
      const auto dot = spaced.rfind('.');
      if (dot != std::string::npos) spaced.insert(dot + 1, " ");
      return fmt::format("Mietkaution {} {}", spaced, rate);
    }
    case Remittance::typo: {
      // An extra digit in the middle part: never a contract of the portfolio.
      std::string typo(contract);
      const auto dot = typo.find('.');
      if (dot != std::string::npos) typo.insert(dot + 1, "0");
      return fmt::format("Kaution {} {}", typo, rate);
    }
    case Remittance::without:
      break;
  }
  return fmt::format("Mietkaution {} {}", payer_last_name, rate);
}

}  // namespace kaution::sandbox
