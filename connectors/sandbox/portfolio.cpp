#include "connectors/sandbox/portfolio.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "connectors/sandbox/names.hpp"
#include "connectors/sandbox/random.hpp"

namespace kaution::sandbox {
namespace {

constexpr std::size_t k_units_per_object = 4;

int bank_digit(Bank bank) {
  return bank == Bank::aak ? 1 : bank == Bank::km ? 2 : 3;
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

Iban iban(const std::string& text) {
  return *Iban::parse(text);  // make_de_iban's output is always valid
}

Party tenant_party(const PersonName& name, const Place& home) {
  Party party;
  party.salutation = name.salutation;
  party.first_name = name.first;
  party.last_name = name.last;
  party.birth_date = name.birth_date;
  party.nationality = "DE";
  party.address = Address{home.street, home.postcode, home.city, "DE"};
  return party;
}

std::vector<Party> parties_for(std::size_t index, Rng& rng, const Place& home) {
  const PersonName tenant = tenant_name(index, rng);
  std::vector<Party> parties{tenant_party(tenant, home)};
  if (rng.percent(5)) {  // a company rents: no personal names
    parties[0].salutation = "Firma";
    parties[0].company_name = tenant.last + " Consulting GmbH";
    parties[0].first_name.reset();
    parties[0].last_name.reset();
    parties[0].birth_date.reset();
  } else if (rng.percent(20)) {
    parties.push_back(tenant_party(co_tenant_name(tenant, rng), home));
  }
  if (rng.percent(3)) {
    Party guarantor = tenant_party(co_tenant_name(tenant, rng), place_for(index + 7, rng));
    guarantor.role = PartyRole::guarantor;
    parties.push_back(guarantor);
  }
  return parties;
}

std::string display_name(const Party& party) {
  if (party.company_name) return *party.company_name;
  return party.first_name.value_or("") + " " + party.last_name.value_or("");
}

std::vector<Instalment> instalments_for(Money agreed, Date valid_from, Rng& rng) {
  const std::uint64_t roll = rng.below(100);
  const std::int64_t count = roll < 55 ? 1 : roll < 90 ? 3 : 2;
  const std::int64_t base = agreed.cents() / count;
  const std::int64_t rest = agreed.cents() % count;
  std::vector<Instalment> out;
  for (std::int64_t k = 0; k < count; ++k) {
    out.push_back({plus_months(valid_from, static_cast<int>(k)),
                   Money::from_cents(base + (k < rest ? 1 : 0))});
  }
  return out;
}

void set_dates(Deposit& d, const DataSetOptions& options, Rng& rng) {
  d.valid_from = rng.percent(5) ? options.start.plus_days(rng.between(1, 20))
                                : options.start.plus_days(-rng.between(5, 150));
  if (rng.percent(8)) {
    Date until = options.start.plus_days(rng.between(-40, 30));
    if (until <= d.valid_from) until = d.valid_from.plus_days(30);
    d.valid_until = until;
  }
}

void set_money(Deposit& d, Rng& rng) {
  const Money rent = Money::from_cents(rng.between(35, 140) * 1000);
  d.net_cold_rent = rent;
  d.agreed_amount = Money::from_cents(rent.cents() * (rng.percent(70) ? 3 : 2));
  d.instalments = instalments_for(d.agreed_amount, d.valid_from, rng);
}

void set_object(Deposit& d, Bank bank, std::size_t index, const DataSetOptions& options) {
  const std::size_t object = index / k_units_per_object;
  Rng rng = Rng::keyed(options.seed, fmt::format("{}-object", bank_name(bank)), object);
  const Place place = place_for(object, rng);
  d.object_no = fmt::format("P{}", 1000 + object);
  d.object_label = place.street + ", " + place.city;
  d.object_owner = owner_name(rng, place.city);
  d.unit_no = fmt::format("{}.1.{}", 10000 + object, 100 + index % 1000);
}

}  // namespace

std::string contract_number(Bank bank, std::size_t index) {
  return fmt::format("{}.{:06}.{}", bank_digit(bank), 80000 + index / k_units_per_object,
                     1000 + index);
}

std::string portfolio_viban(std::uint64_t seed, std::size_t index) {
  return make_de_iban(k_aak_bank_code, 7000000000ULL + (seed % 1000) * 1000000ULL + index);
}

Date plus_months(Date date, int months) {
  const int total = date.year() * 12 + static_cast<int>(date.month()) - 1 + months;
  const int year = total / 12;
  const auto month = static_cast<unsigned>(total % 12 + 1);
  for (unsigned day = date.day(); day > 27; --day) {
    if (auto d = Date::from_ymd(year, month, day)) return *d;
  }
  return *Date::from_ymd(year, month, std::min(date.day(), 28U));
}

Deposit portfolio_deposit(Bank bank, std::size_t index, const DataSetOptions& options) {
  Rng rng = Rng::keyed(options.seed, fmt::format("{}-deposit", bank_name(bank)), index);
  Deposit d;
  d.deposit_id = fmt::format("SBX-{}-{:06}", upper(bank_name(bank)), index);
  d.rental_contract_no = contract_number(bank, index);
  d.connector = bank == Bank::aak  ? BankProfile::aak
                : bank == Bank::km ? BankProfile::km
                                   : BankProfile::dkb;
  d.access = std::string(access_name(bank));
  set_object(d, bank, index, options);
  d.parties = parties_for(index, rng, place_for(index / k_units_per_object, rng));
  d.account_holder = display_name(d.parties.front());
  set_dates(d, options, rng);
  set_money(d, rng);
  if (bank == Bank::aak) d.virtual_iban = iban(portfolio_viban(options.seed, index));
  d.payout_account =
      PayoutAccount{display_name(d.parties.front()),
                    iban(make_de_iban("12030000", 1000000000ULL + rng.below(8000000000ULL)))};
  return d;
}

std::vector<Deposit> portfolio(Bank bank, const DataSetOptions& options) {
  std::vector<Deposit> out;
  out.reserve(options.size);
  for (std::size_t i = 0; i < options.size; ++i)
    out.push_back(portfolio_deposit(bank, i, options));
  return out;
}

void write_portfolio_ndjson(std::ostream& out, const DataSetOptions& options) {
  for (const Bank bank : k_banks) {
    for (std::size_t i = 0; i < options.size; ++i)
      out << to_json(portfolio_deposit(bank, i, options)).dump() << '\n';
  }
}

}  // namespace kaution::sandbox
