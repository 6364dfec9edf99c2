#include "connectors/sandbox/names.hpp"

#include <array>
#include <string_view>

namespace kaution::sandbox {
namespace {

using Names = std::array<std::string_view, 40>;

constexpr Names k_last{
    "Schmidt",  "Müller",   "Schneider", "Fischer",    "Weber",  "Meyer",   "Wagner",  "Becker",
    "Schulz",   "Hoffmann", "Schäfer",   "Koch",       "Bauer",  "Richter", "Klein",   "Wolf",
    "Schröder", "Neumann",  "Schwarz",   "Zimmermann", "Braun",  "Krüger",  "Hofmann", "Hartmann",
    "Lange",    "Schmitt",  "Werner",    "Schmitz",    "Krause", "Meier",   "Lehmann", "Schmid",
    "Schulze",  "Maier",    "Köhler",    "Herrmann",   "König",  "Walter",  "Mayer",   "Huber"};
constexpr Names k_first_female{
    "Natalie", "Anna",    "Lena",   "Marie",     "Sophie",  "Laura", "Julia",  "Lea",
    "Hannah",  "Sarah",   "Lisa",   "Katharina", "Johanna", "Clara", "Emma",   "Mia",
    "Greta",   "Paula",   "Jana",   "Franziska", "Ines",    "Ute",   "Sabine", "Petra",
    "Monika",  "Birgit",  "Renate", "Gabriele",  "Karin",   "Heike", "Sandra", "Nicole",
    "Andrea",  "Claudia", "Silke",  "Tanja",     "Bärbel",  "Doris", "Elke",   "Lidia"};
constexpr Names k_first_male{
    "Lukas",  "Jonas",     "Leon",    "Finn",      "Paul",      "Felix",    "Maximilian", "Elias",
    "Ben",    "Noah",      "Tim",     "Jan",       "Niklas",    "Tobias",   "Florian",    "Stefan",
    "Thomas", "Michael",   "Andreas", "Markus",    "Frank",     "Jürgen",   "Uwe",        "Klaus",
    "Peter",  "Wolfgang",  "Dieter",  "Bernd",     "Ralf",      "Sven",     "Jörg",       "Holger",
    "Martin", "Christian", "Daniel",  "Sebastian", "Alexander", "Matthias", "Dirk",       "Olaf"};

// Outside the DK set: km needs them transliterated.
constexpr std::array<std::string_view, 8> k_foreign_last{
    "Dvořák", "Łukasiewicz", "Søndergaard", "Nuñez", "Çelik", "Đorđević", "Ødegård", "Garção"};
constexpr std::array<std::string_view, 8> k_foreign_first{"Zoë",  "Łucja",  "Søren", "José",
                                                          "Ayşe", "Ștefan", "Renée", "Björn"};
// Longer than 35 characters: the daemon must shorten them.
constexpr std::array<std::string_view, 4> k_long_last{
    "von Hohenzollern-Sigmaringen-Brandenburg", "Freifrau von und zu Guttenberg-Rheinfels",
    "Mustermann-Schmidt-Leutheusser-Schnarrenberger", "Graf von Schönburg-Glauchau-Waldenburg"};

struct City {
  std::string_view postcode;
  std::string_view name;
};
constexpr std::array<City, 16> k_cities{{{"44267", "Dortmund"},
                                         {"45127", "Essen"},
                                         {"10115", "Berlin"},
                                         {"20095", "Hamburg"},
                                         {"80331", "München"},
                                         {"50667", "Köln"},
                                         {"60311", "Frankfurt am Main"},
                                         {"70173", "Stuttgart"},
                                         {"40213", "Düsseldorf"},
                                         {"04109", "Leipzig"},
                                         {"01067", "Dresden"},
                                         {"30159", "Hannover"},
                                         {"90402", "Nürnberg"},
                                         {"28195", "Bremen"},
                                         {"44787", "Bochum"},
                                         {"42103", "Wuppertal"}}};
constexpr std::array<std::string_view, 16> k_streets{
    "Mittelweg",          "Hauptstraße", "Bahnhofstraße", "Gartenstraße", "Schulstraße",
    "Lindenallee",        "Kirchweg",    "Am Markt",      "Goethestraße", "Schillerplatz",
    "Rosenweg",           "Birkenweg",   "Parkstraße",    "Waldstraße",   "Friedrich-Ebert-Straße",
    "Kaiser-Wilhelm-Ring"};
constexpr std::array<std::string_view, 6> k_owner_kinds{
    "Wohnbau {} GmbH", "Immobilien {} KG",       "Wohnungsgenossenschaft {} eG",
    "{} Grund AG",     "Hausverwaltung {} GmbH", "Stadtwerke {} Wohnen GmbH"};

constexpr std::uint64_t k_name_block = k_last.size() * k_first_female.size();
constexpr std::int64_t k_birth_block_days = 250;  // blocks do not overlap: keys stay distinct

std::string_view pick_first(std::uint64_t index, bool female) {
  return female ? k_first_female[index] : k_first_male[index];
}

std::string format_owner(std::string_view pattern, const std::string& city) {
  std::string out(pattern);
  out.replace(out.find("{}"), 2, city);
  return out;
}

}  // namespace

PersonName tenant_name(std::uint64_t key, Rng& rng) {
  // (last, first, birth block) is a bijection of the key: distinct keys, distinct tenants.
  const std::uint64_t last = key % k_last.size();
  const std::uint64_t first = ((key / k_last.size()) * 7) % k_first_female.size();
  const auto block = static_cast<std::int64_t>(key / k_name_block);
  const bool female = rng.percent(50);
  PersonName name;
  name.salutation = female ? "Frau" : "Herr";
  name.first = std::string(pick_first(first, female));
  name.last = std::string(k_last[last]);
  const std::int64_t base = Date::from_ymd(1950, 1, 1)->days_since_epoch();
  // Not random: with the foreign and long names below, (name, birth date) stays distinct.
  const auto offset = static_cast<std::int64_t>((key * 37) % k_birth_block_days);
  name.birth_date = Date::from_days(base + block * k_birth_block_days + offset);
  const std::uint64_t flavour = rng.below(100);
  if (flavour < 3) {  // stays distinct: the birth block is the key's
    name.first = std::string(k_foreign_first[key % k_foreign_first.size()]);
    name.last = std::string(k_foreign_last[(key / 7) % k_foreign_last.size()]);
  } else if (flavour < 5) {
    name.last = std::string(k_long_last[key % k_long_last.size()]);
  }
  return name;
}

PersonName co_tenant_name(const PersonName& tenant, Rng& rng) {
  const bool female = tenant.salutation != "Frau";
  PersonName name;
  name.salutation = female ? "Frau" : "Herr";
  name.first = std::string(pick_first(rng.below(k_first_female.size()), female));
  name.last = tenant.last;
  name.birth_date = tenant.birth_date.plus_days(rng.between(-2000, 2000));
  return name;
}

Place place_for(std::uint64_t key, Rng& rng) {
  const City& city = k_cities[key % k_cities.size()];
  const std::string_view street = k_streets[(key / k_cities.size()) % k_streets.size()];
  Place place;
  place.street = std::string(street) + " " + std::to_string(rng.between(1, 180));
  if (rng.percent(2)) place.street = "Ulica Świętokrzyska " + std::to_string(rng.between(1, 40));
  place.postcode = std::string(city.postcode);
  place.city = std::string(city.name);
  return place;
}

std::string owner_name(Rng& rng, const std::string& city) {
  return format_owner(rng.pick(std::span<const std::string_view>(k_owner_kinds)), city);
}

std::string welfare_office(std::uint64_t key) {
  return "Jobcenter " + std::string(k_cities[key % 4].name);
}

}  // namespace kaution::sandbox
