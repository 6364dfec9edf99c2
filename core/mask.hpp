#pragma once
// Masking of personal data in text meant for logs (specs/connectors.md: no personal data in
// logs unless the debug archive is on). Two rules, applied to every log line:
//   - anything shaped like an IBAN (two letters, two digits, 11–30 letters or digits, at word
//     edges) keeps its country, check digits and last four characters: DE89************3000;
//   - the value of a `key=value` field whose key names a person (name, first_name, last_name,
//     holder, account_holder, tenant, counterparty, counterparty_name, payer, remittance)
//     becomes its first character and "***" (quoted values stay quoted).
// Free text from a bank (an error message) is masked by the IBAN rule only: names in it cannot
// be told from other words.

#include <string>
#include <string_view>

namespace kaution {

std::string mask_personal(std::string_view text);

}  // namespace kaution
