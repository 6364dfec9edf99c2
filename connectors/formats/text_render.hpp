#pragma once
// The readable summary of `kautionctl statement parse` (support staff read it): per statement
// the account, period, balances, entry count, each entry on one line, and the warnings.

#include <ostream>

#include "connectors/formats/statement_model.hpp"

namespace kaution::formats {

void write_summary(std::ostream& out, const Document& document);
void write_error(std::ostream& out, const ParseError& error);

}  // namespace kaution::formats
