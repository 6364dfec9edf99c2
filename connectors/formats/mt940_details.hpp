#pragma once
// The :86: information to account owner. German banks structure it (DK format): a
// three-digit GVC, then ?NN subfields — ?00 booking text, ?10 primanota, ?20–?29 and ?60–?63
// purpose (with SEPA keywords EREF+, KREF+, MREF+, CRED+, SVWZ+, ABWA+, ABWE+), ?30 BIC,
// ?31 IBAN or account, ?32/?33 name, ?34 text key extension. Other banks' text is kept as
// remittance lines.

#include <string>
#include <string_view>

#include "connectors/formats/statement_model.hpp"

namespace kaution::formats::mt940 {

struct Counterparty {
  std::string name;
  std::string iban;
  std::string other_id;  // account number when not an IBAN
  std::string bic;
};

struct Details {
  std::string gvc;  // empty when unstructured
  std::string booking_text;
  std::string text_key_extension;
  Counterparty counterparty;
  std::string end_to_end_id;
  std::string customer_ref;
  std::string mandate_id;
  std::string creditor_scheme_id;
  std::string ultimate_debtor;
  std::string ultimate_creditor;
  std::vector<std::string> remittance;
};

Details parse_details(std::string_view value);

}  // namespace kaution::formats::mt940
