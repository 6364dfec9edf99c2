#pragma once
// Name and address tables for the generated tenants and properties. Mostly German names in the
// DK character set, with a few that are not (for km's transliteration) and a few longer than
// the banks' 35 characters (for the daemon's shortening).

#include <cstdint>
#include <string>

#include "connectors/sandbox/random.hpp"
#include "core/date.hpp"

namespace kaution::sandbox {

struct PersonName {
  std::string salutation;  // "Frau", "Herr"
  std::string first;
  std::string last;
  Date birth_date = Date::from_days(0);
};

// The tenant with number `key` (0, 1, 2, …): different keys never give the same first name,
// last name and birth date together, so km never sees one tenant with two accounts. `rng`
// decides the rare long or non-DK names.
PersonName tenant_name(std::uint64_t key, Rng& rng);

// A second tenant of the same household (no uniqueness promised).
PersonName co_tenant_name(const PersonName& tenant, Rng& rng);

struct Place {
  std::string street;  // with house number
  std::string postcode;
  std::string city;
};
Place place_for(std::uint64_t key, Rng& rng);

// "Wohnbau Dortmund GmbH" and the like.
std::string owner_name(Rng& rng, const std::string& city);
// A social-welfare office that pays deposits for several tenants in one transfer.
std::string welfare_office(std::uint64_t key);

}  // namespace kaution::sandbox
