#pragma once
// CSV rows → the ledger's deposit JSON (specs/ledger-api.md), one deposit per row. Columns, by
// header name (any order; unknown names are an error listing the allowed ones; an empty cell is
// null):
//
//   deposit_id, rental_contract_no, object_no, object_label, object_owner, unit_no, connector,
//   access, account_holder, virtual_iban, trust_account, bank_ref      text
//   agreed_amount, net_cold_rent                     amounts: "1.340,00", "1340,00", "1340.00"
//   valid_from, valid_until                          dates: "2021-01-01" or "01.01.2021"
//   residential                                      true/false, ja/nein, yes/no, 1/0
//   payout_holder, payout_iban                       → payout_account {holder, iban}
//   <p>_role, <p>_salutation, <p>_first_name, <p>_last_name, <p>_company_name, <p>_birth_date,
//   <p>_nationality, <p>_street, <p>_postcode, <p>_city, <p>_country
//        for the parties p = tenant, party2, party3 (in that order; role defaults to "tenant";
//        a party with every cell empty is left out)
//   instalment<n>_due, instalment<n>_amount          n = 1..3 (both empty: no instalment n)
//   rejected_reasons                                 ignored (written by --rejected-out)

#include <expected>
#include <string>
#include <vector>

#include "daemon/ctl/csv.hpp"
#include "daemon/ctl/import_row.hpp"

namespace kaution::ctl {

// Every allowed column name, in the order above.
std::vector<std::string> csv_import_columns();

// One ImportRow per record; values that do not parse (amounts, dates, booleans) are errors of
// the row named by their column. Unknown or repeated columns: an error for the whole file.
std::expected<std::vector<ImportRow>, std::string> deposits_from_csv(const CsvTable& table);

}  // namespace kaution::ctl
