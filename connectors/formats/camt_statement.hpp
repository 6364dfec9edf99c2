#pragma once
// The header of one camt record (Stmt, Rpt or Ntfctn): ids, account, period and balances.
// Entries are read separately (camt_entry.hpp).

#include "connectors/formats/camt_xml.hpp"

namespace kaution::formats::camt {

ElementResult<Statement> read_statement_header(pugi::xml_node record);

}  // namespace kaution::formats::camt
