#pragma once
// Deterministic generators of large statement files for the benchmark: the same arguments
// always give the same bytes.

#include <cstddef>
#include <ostream>

namespace kaution::bench {

// camt.053.001.08, one Stmt, `entries` Ntry: ~75 % single credits to a vIBAN (unstructured
// remittance), ~10 % batches of 2–12 TxDtls, ~5 % reversals, ~10 % structured creditor
// references; opening + entries = closing.
void write_camt053(std::ostream& out, std::size_t entries, unsigned seed = 1);

// MT940 with German :86: structure, 500 :61: per message, a few RC/RD reversals.
void write_mt940(std::ostream& out, std::size_t entries, unsigned seed = 1);

}  // namespace kaution::bench
