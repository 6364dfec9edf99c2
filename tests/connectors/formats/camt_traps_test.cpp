#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <pugixml.hpp>
#include <set>

#include "connectors/formats/json_render.hpp"
#include "sample_support.hpp"

// The known traps of property-management importers, each built from a real sample file.

namespace kaution::formats::test {
namespace {

const std::string k_053 = "viafintech_camt_parser/spec/fixtures/053/valid_example.xml";
const std::string k_052 = "viafintech_camt_parser/spec/fixtures/052/valid_example.xml";

// [begin, end) of the n-th (1-based) occurrence of element `name` (unprefixed) in `xml`.
std::pair<std::size_t, std::size_t> element_range(const std::string& xml, const std::string& name,
                                                  int n, std::size_t from = 0) {
  std::size_t begin = from;
  for (int i = 0; i < n; ++i)
    begin = xml.find("<" + name + ">", i == 0 ? begin : begin + 1);
  const std::string close = "</" + name + ">";
  return {begin, xml.find(close, begin) + close.size()};
}

Document parse_ok(const std::string& name, std::string xml) {
  ParsedFile parsed = parse_text(name, std::move(xml));
  if (!parsed.ok()) throw std::runtime_error(parsed.errors.front().message());
  return std::move(parsed.documents.at(0));
}

// The 4th entry of the 053 sample is a batch of two; make it a batch of `count` × `each`.
std::string batch_of(int count, const std::string& each, const std::string& odd_one = {}) {
  std::string xml = read_sample(k_053);
  const auto entry = element_range(xml, "Ntry", 4);
  const std::size_t first = xml.find("<TxDtls>", entry.first);
  const std::size_t last = xml.rfind("</TxDtls>", entry.second) + std::string("</TxDtls>").size();
  const auto tx = element_range(xml, "TxDtls", 1, first);
  const std::string tmpl = xml.substr(tx.first, tx.second - tx.first);
  std::string txs;
  for (int k = 1; k <= count; ++k) {
    std::string one = replace_all(tmpl, "STZV-EtE27122013-11:02-1", "E2E-" + std::to_string(k));
    one = replace_all(one, ">3.50<", ">" + (k == count && !odd_one.empty() ? odd_one : each) + "<");
    txs += one;
  }
  xml.replace(first, last - first, txs);
  return xml;
}

TEST(CamtTrap, BatchWithMoreThanNineTxDtls) {
  const Document doc = parse_ok("batch.xml", batch_of(12, "0.50"));
  const Statement& s = doc.statements.at(0);
  const Entry& batch = s.entries.at(3);
  ASSERT_EQ(batch.transactions.size(), 12u);
  std::set<std::string> refs;
  for (const Transaction& tx : batch.transactions) {
    EXPECT_EQ(tx.amount->cents(), -50);
    refs.emplace(tx.booking_ref());
  }
  EXPECT_EQ(refs.size(), 12u);
  EXPECT_EQ(batch.transactions.at(9).booking_ref(), "2013122711513230000/E2E-10");
  EXPECT_TRUE(s.warnings.empty()) << s.warnings.front();
}

TEST(CamtTrap, BatchThatDoesNotAddUpIsAWarning) {
  const Document doc = parse_ok("batch.xml", batch_of(10, "0.50", "2.50"));
  const Statement& s = doc.statements.at(0);
  ASSERT_EQ(s.warnings.size(), 1u);
  EXPECT_NE(s.warnings[0].find("its 10 transactions add up to -7.00 EUR, the entry says -6.00 EUR"),
            std::string::npos)
      << s.warnings[0];
}

std::string prefixed(const std::string& xml, const std::string& prefix) {
  std::string out;
  for (std::size_t i = 0; i < xml.size(); ++i) {
    out += xml[i];
    if (xml[i] != '<' || i + 1 >= xml.size()) continue;
    const char next = xml[i + 1];
    if (next == '/') {
      out += '/' + prefix + ':';
      ++i;
    } else if (std::isalpha(static_cast<unsigned char>(next))) {
      out += prefix + ':';
    }
  }
  return replace_all(out, " xmlns=\"", " xmlns:" + prefix + "=\"");
}

nlohmann::json without_file(Document doc) {
  doc.file.clear();
  return to_json(doc);
}

TEST(CamtTrap, NamespacePrefixedDocumentParsesTheSame) {
  const std::string xml = read_sample(k_053);
  const std::string ns2 = prefixed(xml, "ns2");
  ASSERT_NE(ns2.find("<ns2:Document xmlns:ns2=\"urn:iso"), std::string::npos);
  ASSERT_NE(ns2.find("</ns2:Ntry>"), std::string::npos);
  EXPECT_EQ(without_file(parse_ok("p.xml", ns2)), without_file(parse_ok("o.xml", xml)));
}

std::string utf8_to_latin1(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0xC2 || c == 0xC3) {
      out +=
          static_cast<char>(((c & 0x03U) << 6U) | (static_cast<unsigned char>(text[++i]) & 0x3FU));
    } else {
      out += text[i];
    }
  }
  return out;
}

TEST(CamtTrap, Iso88591DocumentIsConverted) {
  const std::string xml = read_sample(k_053);
  ASSERT_NE(xml.find("\xC3\x9C"), std::string::npos);  // Ü in the sample
  std::string latin1 =
      replace_all(utf8_to_latin1(xml), "encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"");
  ASSERT_NE(latin1.find('\xDC'), std::string::npos);
  const Document doc = parse_ok("latin1.xml", latin1);
  EXPECT_EQ(doc.statements[0].entries[0].additional_info().substr(0, 3),
            "\xC3\x9C"
            "b");
  EXPECT_EQ(without_file(doc), without_file(parse_ok("o.xml", xml)));
}

TEST(CamtTrap, PugixmlConvertsLatin1DeclarationsByItself) {
  // What pugixml does when it sees the declaration (we convert before parsing in pieces).
  const std::string doc = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>\xDC</a>";
  pugi::xml_document dom;
  ASSERT_TRUE(dom.load_buffer(doc.data(), doc.size()));
  EXPECT_STREQ(dom.child("a").text().get(), "\xC3\x9C");
}

TEST(CamtTrap, Latin1BytesDeclaredAsUtf8AreRejected) {
  const std::string latin1 = utf8_to_latin1(read_sample(k_053));
  const ParsedFile parsed = parse_text("bad.xml", latin1);
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.errors[0].reason.find("invalid UTF-8"), std::string::npos);
  const std::size_t first = latin1.find_first_of("\xC4\xD6\xDC\xE4\xF6\xFC\xDF");
  EXPECT_EQ(
      parsed.errors[0].where,
      "line " + std::to_string(1 + std::count(latin1.begin(),
                                              latin1.begin() + static_cast<std::ptrdiff_t>(first),
                                              '\n')));
}

TEST(CamtTrap, ReversalsKeepTheirDirection) {
  const ParsedFile parsed =
      parse_sample("viafintech_camt_parser/spec/fixtures/053/valid_example_v4.xml");
  ASSERT_TRUE(parsed.ok());
  int reversals = 0;
  for (const Entry& e : parsed.documents[0].statements[0].entries) {
    if (!e.reversal) continue;
    ++reversals;
    EXPECT_EQ(e.amount.cents() > 0, e.credit);
  }
  EXPECT_EQ(reversals, 2);
  const nlohmann::json json = to_json(parsed);
  int flagged = 0;
  for (const auto& e : json["documents"][0]["statements"][0]["entries"])
    flagged += e["reversal"] == true;
  EXPECT_EQ(flagged, 2);
}

TEST(CamtTrap, PendingEntriesAreNotBookedIntoTheBalance) {
  const ParsedFile report = parse_sample("genkgo_camt/test/data/camt052.v4.xml");
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report.documents[0].statements[0].entries[0].status, EntryStatus::pending);
  std::string xml = read_sample(k_053);
  xml.replace(xml.find("<Sts>BOOK</Sts>"), 15, "<Sts>PDNG</Sts>");
  const Document doc = parse_ok("pending.xml", xml);
  EXPECT_EQ(doc.statements[0].entries[0].status, EntryStatus::pending);
  ASSERT_EQ(doc.statements[0].warnings.size(), 1u);
  EXPECT_NE(doc.statements[0].warnings[0].find("balance mismatch"), std::string::npos);
}

TEST(CamtTrap, FiveDecimalAmounts) {
  const std::string path = "genkgo_camt/test/data/camt053.v2.five.decimals.xml";
  const Document doc = parse_ok("five.xml", read_sample(path));
  EXPECT_EQ(balance_of(doc.statements[0], "OPBD")->amount.cents(), 1815);
  EXPECT_EQ(balance_of(doc.statements[0], "CLBD")->amount.cents(), 2705);
  std::string xml = read_sample(path);
  const std::size_t amt = xml.find(">18.150<");
  ASSERT_NE(amt, std::string::npos);
  xml.replace(amt, 8, ">18.155<");
  const ParsedFile bad = parse_text("five.xml", xml);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.errors[0].reason.find("not a whole number of cents"), std::string::npos);
  EXPECT_NE(bad.errors[0].where.find("Bal"), std::string::npos) << bad.errors[0].where;
}

std::vector<std::string> booking_refs(const Document& doc) {
  std::vector<std::string> refs;
  for (const Entry& e : doc.statements.at(0).entries) {
    refs.emplace_back(e.booking_ref());
    for (const Transaction& tx : e.transactions)
      refs.emplace_back(tx.booking_ref());
  }
  return refs;
}

TEST(CamtTrap, SameCamt052TwiceGivesIdenticalRefs) {
  const std::string xml = read_sample(k_052);
  const Document morning = parse_ok("a.xml", xml);
  const Document again = parse_ok("b.xml", xml);
  EXPECT_EQ(booking_refs(morning), booking_refs(again));
  // A later delivery of the day repeats the earlier entries and adds one.
  const auto first = element_range(xml, "Ntry", 1);
  std::string extra = xml.substr(first.first, first.second - first.first);
  const auto ref = element_range(extra, "AcctSvcrRef", 1);
  extra.replace(ref.first, ref.second - ref.first, "<AcctSvcrRef>LATER-1</AcctSvcrRef>");
  std::string later = xml;
  later.insert(later.rfind("</Ntry>") + 7, extra);
  const Document noon = parse_ok("c.xml", later);
  std::vector<std::string> refs = booking_refs(noon);
  ASSERT_EQ(noon.statements[0].entries.size(), 3u);
  refs.resize(booking_refs(morning).size());
  EXPECT_EQ(refs, booking_refs(morning));
}

TEST(CamtTrap, EntriesWithoutReferencesGetStableDigests) {
  std::string xml = read_sample(k_052);
  for (const char* name : {"AcctSvcrRef", "NtryRef"})
    for (auto r = element_range(xml, name, 1); r.first != std::string::npos;
         r = element_range(xml, name, 1))
      xml.erase(r.first, r.second - r.first);
  const std::vector<std::string> a = booking_refs(parse_ok("a.xml", xml));
  EXPECT_EQ(a, booking_refs(parse_ok("b.xml", xml)));
  EXPECT_EQ(a.at(0).front(), 'H');
  EXPECT_NE(a.at(0), a.at(2));
}

TEST(CamtReject, MustFailSamples) {
  const std::pair<const char*, const char*> cases[] = {
      {"genkgo_camt/test/data/camt053.v2.wrong.xml", "BkToCstmrStmt contains no Stmt"},
      {"viafintech_camt_parser/spec/fixtures/general/invalid_namespace.xml",
       "not a bank statement"},
      {"dvbern_iso20022/iso20022-ch-impl/src/test/resources/ch/dvbern/oss/lib/iso20022/camt054/"
       "v00104/invalid/camt_054_Beispiel_NotificationMissing.xml",
       "not a bank statement"},
      // Namespace-detection fixtures: an empty Document holds no statement either.
      {"viafintech_camt_parser/spec/fixtures/052/valid_namespace.xml", "not a bank statement"},
      {"viafintech_camt_parser/spec/fixtures/053/valid_namespace.xml", "not a bank statement"},
  };
  for (const auto& [path, reason] : cases) {
    const ParsedFile parsed = parse_sample(path);
    ASSERT_EQ(parsed.errors.size(), 1u) << path;
    EXPECT_TRUE(parsed.documents.empty());
    EXPECT_NE(parsed.errors[0].reason.find(reason), std::string::npos)
        << parsed.errors[0].message();
    EXPECT_NE(parsed.errors[0].message().find(path), std::string::npos);
  }
}

TEST(CamtReject, PaymentInitiationIsNotAStatement) {
  const ParsedFile parsed = parse_sample(
      "raphaelm_python-sepaxml/tests/transfer_extracted/test_00100103.SAMPLE_RESULT.xml");
  ASSERT_EQ(parsed.errors.size(), 1u);
  EXPECT_TRUE(parsed.errors[0].not_a_statement);
  EXPECT_NE(parsed.errors[0].reason.find("pain.001.001.03"), std::string::npos);
}

TEST(CamtReject, BadAmountNamesLineAndPath) {
  std::string xml = read_sample(k_053);
  const auto third = element_range(xml, "Ntry", 3);
  xml.replace(xml.find(">1.00<", third.first), 6, ">1,00<");
  const ParsedFile parsed = parse_text("bad.xml", xml);
  ASSERT_EQ(parsed.errors.size(), 1u);
  EXPECT_TRUE(parsed.documents.empty());  // nothing partial
  const ParseError& e = parsed.errors[0];
  EXPECT_EQ(
      e.where,
      "line " +
          std::to_string(
              1 + std::count(xml.begin(),
                             xml.begin() + static_cast<std::ptrdiff_t>(xml.find(">1,00<")), '\n')) +
          ", Document/BkToCstmrStmt/Stmt/Ntry[3]/Amt");
  EXPECT_NE(e.reason.find("\"1,00\""), std::string::npos);
}

TEST(CamtReject, TruncatedDocument) {
  std::string xml = read_sample(k_053);
  xml.resize(xml.size() / 2);
  const ParsedFile parsed = parse_text("cut.xml", xml);
  ASSERT_EQ(parsed.errors.size(), 1u);
  EXPECT_TRUE(parsed.documents.empty());
  EXPECT_NE(parsed.errors[0].reason.find("malformed XML"), std::string::npos)
      << parsed.errors[0].message();
  EXPECT_FALSE(parsed.errors[0].not_a_statement);
}

TEST(CamtReject, MissingCdtDbtInd) {
  std::string xml = read_sample(k_053);
  const std::size_t at = xml.find("<CdtDbtInd>DBIT</CdtDbtInd>", xml.find("<Ntry>"));
  xml.erase(at, std::string("<CdtDbtInd>DBIT</CdtDbtInd>").size());
  const ParsedFile parsed = parse_text("x.xml", xml);
  ASSERT_EQ(parsed.errors.size(), 1u);
  EXPECT_NE(parsed.errors[0].message().find("Stmt/Ntry[1]: missing CdtDbtInd"), std::string::npos)
      << parsed.errors[0].message();
}

}  // namespace
}  // namespace kaution::formats::test

namespace kaution::formats::test {
namespace {

// A file large enough that the reader drops parsed pages of the mapping on the way: the
// result and an error's line number must not depend on that.
TEST(CamtLarge, MappedFileWithReleasedPages) {
  std::string xml = read_sample(k_053);
  const auto first = element_range(xml, "Ntry", 1);
  const std::string entry = xml.substr(first.first, first.second - first.first);
  std::string many;
  for (int i = 0; i < 4000; ++i)
    many += entry;  // ~5 MB
  xml.insert(first.second, many);
  std::string bad = xml;
  const std::size_t last = bad.rfind(">2.00<");
  bad.replace(last, 6, ">2.0.0<");
  const auto path = std::filesystem::temp_directory_path() /
                    ("formats_large_" + std::to_string(::getpid()) + ".xml");
  for (const std::string* text : {&xml, &bad}) {
    std::ofstream(path, std::ios::binary) << *text;
    const ParsedFile parsed = parse_statement_file(path.string());
    if (text == &xml) {
      ASSERT_TRUE(parsed.ok()) << parsed.errors[0].message();
      EXPECT_EQ(parsed.documents[0].statements[0].entries.size(), 4004u);
    } else {
      ASSERT_EQ(parsed.errors.size(), 1u);
      EXPECT_TRUE(parsed.documents.empty());
      const std::size_t at = bad.find(">2.0.0<");
      const auto line =
          1 + std::count(bad.begin(), bad.begin() + static_cast<std::ptrdiff_t>(at), '\n');
      EXPECT_EQ(parsed.errors[0].where.substr(0, parsed.errors[0].where.find(',')),
                "line " + std::to_string(line));
    }
  }
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace kaution::formats::test
