#pragma once
// One camt <Ntry> element into the model: amount, status, dates, references, bank
// transaction code and every TxDtls of every NtryDtls as its own transaction.

#include "connectors/formats/camt_xml.hpp"

namespace kaution::formats::camt {

// Fills `entry` (a fresh one) in place; its text is stored in `arena`.
ElementResult<void> read_entry(pugi::xml_node ntry, TextArena& arena, Entry& entry);

}  // namespace kaution::formats::camt
