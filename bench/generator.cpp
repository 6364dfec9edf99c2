#include "generator.hpp"

#include <cstdint>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

namespace kaution::bench {
namespace {

// A small LCG: deterministic across platforms and standard libraries.
class Random {
 public:
  explicit Random(unsigned seed) : m_state(seed * 2654435761ULL + 1) {}
  std::uint32_t next() {
    m_state = m_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>(m_state >> 33U);
  }
  std::uint32_t below(std::uint32_t n) { return next() % n; }

 private:
  std::uint64_t m_state;
};

std::string amount_text(std::int64_t cents) {
  char text[32];
  std::snprintf(text, sizeof text, "%lld.%02lld", static_cast<long long>(cents / 100),
                static_cast<long long>(cents % 100));
  return text;
}

std::string mt_amount(std::int64_t cents) {
  std::string text = amount_text(cents < 0 ? -cents : cents);
  text[text.find('.')] = ',';
  return text;
}

std::string viban(std::uint32_t n) {
  char text[32];
  std::snprintf(text, sizeof text, "DE%02u5501040000%08u", 10 + n % 89, n % 100000000U);
  return text;
}

const char* const k_names[] = {"Natalie Schmidt", "Jonas Becker",
                               "Lidia Schott",    "Hausverwaltung Mittelweg GmbH",
                               "Emre Yilmaz",     "Anna-Lena Krüger"};

struct Tx {
  std::int64_t cents;
  std::uint32_t tenant;
};

void write_tx(std::ostream& out, const Tx& tx, std::size_t id, std::size_t k, bool credit,
              bool structured, bool with_amount) {
  out << "          <TxDtls>\n            <Refs>\n              <AcctSvcrRef>TX" << id << "-" << k
      << "</AcctSvcrRef>\n              <EndToEndId>E2E-" << id << "-" << k
      << "</EndToEndId>\n            </Refs>\n";
  if (with_amount)
    out << "            <Amt Ccy=\"EUR\">" << amount_text(tx.cents) << "</Amt>\n"
        << "            <CdtDbtInd>" << (credit ? "CRDT" : "DBIT") << "</CdtDbtInd>\n";
  out << "            <RltdPties>\n              <Dbtr>\n                <Pty>\n                  "
         "<Nm>"
      << k_names[tx.tenant % 6] << "</Nm>\n                </Pty>\n              </Dbtr>\n"
      << "              <DbtrAcct>\n                <Id>\n                  <IBAN>DE02120300000000"
      << (202051 + tx.tenant % 700000)
      << "</IBAN>\n                </Id>\n              </DbtrAcct>\n"
      << "              <CdtrAcct>\n                <Id>\n                  <IBAN>"
      << viban(tx.tenant)
      << "</IBAN>\n                </Id>\n              </CdtrAcct>\n            </RltdPties>\n"
      << "            <RmtInf>\n";
  if (structured)
    out << "              <Strd>\n                <CdtrRefInf>\n                  <Ref>RF18"
        << (539007547034ULL + tx.tenant) << "</Ref>\n                </CdtrRefInf>\n"
        << "              </Strd>\n";
  else
    out << "              <Ustrd>Kaution Mittelweg 30 Whg " << tx.tenant % 400
        << " Rate 1 von 3</Ustrd>\n";
  out << "            </RmtInf>\n          </TxDtls>\n";
}

void write_entry(std::ostream& out, Random& rnd, std::size_t id, std::int64_t& total) {
  const std::uint32_t kind = rnd.below(100);
  const bool reversal = kind < 5;
  const bool batch = kind >= 5 && kind < 15;
  const bool structured = kind >= 15 && kind < 25;
  const bool credit = !reversal;
  std::vector<Tx> txs(batch ? 2 + rnd.below(11) : 1);
  std::int64_t cents = 0;
  for (Tx& tx : txs) {
    tx.cents = 10000 + static_cast<std::int64_t>(rnd.below(300000));
    tx.tenant = rnd.next();
    cents += tx.cents;
  }
  total += credit ? cents : -cents;
  out << "      <Ntry>\n        <NtryRef>" << id << "</NtryRef>\n        <Amt Ccy=\"EUR\">"
      << amount_text(cents) << "</Amt>\n        <CdtDbtInd>" << (credit ? "CRDT" : "DBIT")
      << "</CdtDbtInd>\n";
  if (reversal) out << "        <RvslInd>true</RvslInd>\n";
  out << "        <Sts>\n          <Cd>BOOK</Cd>\n        </Sts>\n"
      << "        <BookgDt>\n          <Dt>2026-11-20</Dt>\n        </BookgDt>\n"
      << "        <ValDt>\n          <Dt>2026-11-20</Dt>\n        </ValDt>\n"
      << "        <AcctSvcrRef>2026112000" << id << "</AcctSvcrRef>\n"
      << "        <BkTxCd>\n          <Domn>\n            <Cd>PMNT</Cd>\n            <Fmly>\n"
      << "              <Cd>RCDT</Cd>\n              <SubFmlyCd>ESCT</SubFmlyCd>\n"
      << "            </Fmly>\n          </Domn>\n          <Prtry>\n            <Cd>NTRF+166+00931"
      << "</Cd>\n            <Issr>DK</Issr>\n          </Prtry>\n        </BkTxCd>\n"
      << "        <NtryDtls>\n";
  if (batch)
    out << "          <Btch>\n            <NbOfTxs>" << txs.size()
        << "</NbOfTxs>\n          </Btch>\n";
  for (std::size_t k = 0; k < txs.size(); ++k)
    write_tx(out, txs[k], id, k + 1, credit, structured, batch);
  out << "        </NtryDtls>\n      </Ntry>\n";
}

void write_balance(std::ostream& out, const char* type, std::int64_t cents) {
  out << "      <Bal>\n        <Tp>\n          <CdOrPrtry>\n            <Cd>" << type
      << "</Cd>\n          </CdOrPrtry>\n        </Tp>\n        <Amt Ccy=\"EUR\">"
      << amount_text(cents < 0 ? -cents : cents) << "</Amt>\n        <CdtDbtInd>"
      << (cents < 0 ? "DBIT" : "CRDT") << "</CdtDbtInd>\n        <Dt>\n          <Dt>2026-11-20"
      << "</Dt>\n        </Dt>\n      </Bal>\n";
}

}  // namespace

void write_camt053(std::ostream& out, std::size_t entries, unsigned seed) {
  Random rnd(seed);
  const std::int64_t opening = 123456789;
  // Entries first into a string so that the closing balance can precede them.
  std::ostringstream body;
  std::int64_t total = 0;
  for (std::size_t id = 1; id <= entries; ++id)
    write_entry(body, rnd, id, total);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">\n"
      << "  <BkToCstmrStmt>\n    <GrpHdr>\n      <MsgId>BENCH-" << entries << "</MsgId>\n"
      << "      <CreDtTm>2026-11-20T22:00:00+01:00</CreDtTm>\n    </GrpHdr>\n    <Stmt>\n"
      << "      <Id>ST-2026-11-20-0001</Id>\n      <ElctrncSeqNb>1</ElctrncSeqNb>\n"
      << "      <CreDtTm>2026-11-20T22:00:00+01:00</CreDtTm>\n      <Acct>\n        <Id>\n"
      << "          <IBAN>DE14550104000007223330</IBAN>\n        </Id>\n        <Ccy>EUR</Ccy>\n"
      << "      </Acct>\n";
  write_balance(out, "OPBD", opening);
  write_balance(out, "CLBD", opening + total);
  out << body.str() << "    </Stmt>\n  </BkToCstmrStmt>\n</Document>\n";
}

void write_mt940(std::ostream& out, std::size_t entries, unsigned seed) {
  Random rnd(seed);
  std::int64_t balance = 100000;
  std::size_t written = 0;
  for (std::size_t message = 1; written < entries; ++message) {
    out << ":20:STARTUMSE\n:25:DE14550104000007223330\n:28C:" << message
        << "/1\n:60F:" << (balance < 0 ? 'D' : 'C') << "261120EUR" << mt_amount(balance) << "\n";
    for (std::size_t i = 0; i < 500 && written < entries; ++i, ++written) {
      const std::uint32_t kind = rnd.below(100);
      const std::int64_t cents = 1000 + static_cast<std::int64_t>(rnd.below(300000));
      const bool credit = kind >= 10;
      const char* mark = kind < 3 ? "RC" : kind < 5 ? "RD" : credit ? "C" : "D";
      const bool plus = kind < 3 ? false : kind < 5 ? true : credit;
      balance += plus ? cents : -cents;
      const std::string amount = mt_amount(cents);
      const std::uint32_t tenant = rnd.next();
      out << ":61:2611201120" << mark << amount << "NTRFNONREF//" << 90000000 + written << "\n"
          << ":86:166?00GUTSCHRIFT?109249?20EREF+E2E-" << written << "?21SVWZ+Kaution Mittelweg"
          << "?22 30 Whg " << tenant % 400 << " Rate 1?30GENODEF1PFK?31" << viban(tenant) << "\n?32"
          << k_names[tenant % 6] << "?34997\n";
    }
    out << ":62F:" << (balance < 0 ? 'D' : 'C') << "261120EUR" << mt_amount(balance) << "\n-\n";
  }
}

}  // namespace kaution::bench
