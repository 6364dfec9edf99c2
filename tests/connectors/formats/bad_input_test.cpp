#include <gtest/gtest.h>

#include <iconv.h>

#include <string>
#include <vector>

#include "connectors/formats/json_render.hpp"
#include "sample_support.hpp"

// Bad statement files (docs/RELIABILITY.md, "Bad input: statement files"), built from the
// shared samples: files cut off at many points, wrong encoding declarations, unknown camt
// versions, repeated statements and entries that do not add up. Each must give an error that
// names the file and where, or a warning on the statement; never a crash (the suite runs under
// ASan/UBSan) and never a part of a file returned as if it were whole.

namespace kaution::formats::test {
namespace {

const std::string k_053 = "viafintech_camt_parser/spec/fixtures/053/valid_example.xml";
const std::string k_052 = "viafintech_camt_parser/spec/fixtures/052/valid_example.xml";
const std::string k_054 = "genkgo_camt/test/data/camt054.v4.xml";
const std::string k_jejik = "sandermarechal_jejik-mt940/tests/Jejik/Tests/MT940/Fixture/document/";

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

bool has_warning(const Statement& s, std::string_view part) {
  for (const std::string& w : s.warnings)
    if (contains(w, part)) return true;
  return false;
}

// The booking content of a statement: its entries and its opening and closing balances.
nlohmann::json bookings_of(const Statement& s) {
  nlohmann::json out = to_json(Document{"f", "f", {s}})["statements"][0];
  nlohmann::json balances = nlohmann::json::array();
  for (const auto& b : out["balances"])
    if (b["type"] == "OPBD" || b["type"] == "CLBD") balances.push_back(b);
  return {{"entries", out["entries"]}, {"balances", balances}, {"id", out["id"]}};
}

// A cut file either is rejected with the file named (and the line, unless it is not a statement
// at all), or each statement it yields has the whole file's bookings at that position, or
// carries a warning.
void expect_whole_or_rejected(const ParsedFile& whole, const std::string& name,
                              const ParsedFile& cut, std::size_t at) {
  SCOPED_TRACE("cut at byte " + std::to_string(at));
  if (!cut.ok()) {
    const ParseError& error = cut.errors.front();
    EXPECT_TRUE(cut.documents.empty());
    EXPECT_TRUE(error.message().starts_with(name)) << error.message();
    EXPECT_FALSE(error.reason.empty());
    if (!error.not_a_statement) {
      EXPECT_TRUE(contains(error.where, "line ")) << error.message();
    }
    return;
  }
  ASSERT_EQ(cut.documents.size(), 1u);
  const auto& statements = cut.documents[0].statements;
  const auto& originals = whole.documents.at(0).statements;
  ASSERT_LE(statements.size(), originals.size());
  for (std::size_t i = 0; i < statements.size(); ++i) {
    if (bookings_of(statements[i]) == bookings_of(originals[i])) continue;
    EXPECT_FALSE(statements[i].warnings.empty())
        << "statement " << i << " differs from the whole file's and has no warning";
  }
}

// Cuts `sample` after every `step` bytes (and in the last 64 bytes at every byte).
std::size_t cut_everywhere(const std::string& sample, std::size_t step) {
  const std::string data = read_sample(sample);
  const ParsedFile whole = parse_text(sample, data);
  EXPECT_TRUE(whole.ok());
  std::size_t tried = 0;
  for (std::size_t at = 0; at < data.size(); at += at + 64 >= data.size() ? 1 : step) {
    expect_whole_or_rejected(whole, sample, parse_text(sample, data.substr(0, at)), at);
    ++tried;
  }
  return tried;
}

TEST(BadStatementFile, CamtCutOffAnywhereIsRejected) {
  EXPECT_GT(cut_everywhere(k_053, 7), 1000u);
  EXPECT_GT(cut_everywhere(k_052, 3), 1000u);
  EXPECT_GT(cut_everywhere(k_054, 11), 200u);
}

TEST(BadStatementFile, Mt940CutOffAnywhereIsRejectedOrWarned) {
  for (const char* file : {"sparkasse.txt", "commerzbank.txt", "deutschebank.txt", "lbbw.txt"})
    EXPECT_GT(cut_everywhere(k_jejik + file, 1), 400u) << file;
}

// Some banks' MT940 files lack :62F: (see the samples), so a message without it is read, with
// a warning naming its last line.
TEST(BadStatementFile, Mt940WithoutClosingBalanceIsWarnedWithTheLine) {
  std::string text = read_sample(k_jejik + "commerzbank.txt");
  text = text.substr(0, text.find(":62F:"));
  const ParsedFile parsed = parse_text("cut.sta", text);
  ASSERT_TRUE(parsed.ok());
  const Statement& s = parsed.documents[0].statements.at(0);
  EXPECT_TRUE(has_warning(s, ": message ends without closing balance (:62F:/:62M:)"));
  EXPECT_TRUE(s.warnings.front().starts_with("line ")) << s.warnings.front();
}

// --- encodings ---------------------------------------------------------------------------------

std::string with_declaration(std::string xml, std::string_view encoding) {
  return replace_all(std::move(xml), "encoding=\"UTF-8\"",
                     "encoding=\"" + std::string(encoding) + "\"");
}

// The name of the party called "Wayne Enterprises" in the 053 sample, renamed to `name`.
std::string_view renamed_party(const ParsedFile& parsed) {
  for (const Entry& e : parsed.documents.at(0).statements.at(0).entries)
    for (const Transaction& tx : e.transactions)
      for (const Party& p : {tx.debtor(), tx.creditor()})
        if (p.name.starts_with("Test ")) return p.name;
  return {};
}

ParsedFile with_party(std::string_view encoding, std::string_view name_bytes) {
  std::string xml =
      replace_all(read_sample(k_053), "Wayne Enterprises", "Test " + std::string(name_bytes));
  return parse_text("enc.xml", with_declaration(std::move(xml), encoding));
}

TEST(BadStatementFile, Utf8BytesDeclaredLatin1AreReadAsUtf8WithAWarning) {
  const ParsedFile parsed = with_party("ISO-8859-1", "M\xC3\xBCller");
  ASSERT_TRUE(parsed.ok()) << parsed.errors[0].message();
  EXPECT_EQ(renamed_party(parsed), "Test M\xC3\xBCller");
  EXPECT_TRUE(has_warning(parsed.documents[0].statements[0], "read as UTF-8"));
}

TEST(BadStatementFile, Latin1BytesDeclaredUtf8AreRejectedWithTheLine) {
  const ParsedFile parsed = with_party("UTF-8", "M\xFCller");
  ASSERT_FALSE(parsed.ok());
  EXPECT_TRUE(contains(parsed.errors[0].message(), "enc.xml: line 91"))
      << parsed.errors[0].message();
  EXPECT_TRUE(contains(parsed.errors[0].reason, "invalid UTF-8"));
}

TEST(BadStatementFile, WesternSingleByteEncodingsAreConverted) {
  // ISO-8859-1 as declared by German banks is read as windows-1252: 0x80 is €.
  EXPECT_EQ(renamed_party(with_party("ISO-8859-1", "M\xFCller \x80")),
            "Test M\xC3\xBCller \xE2\x82\xAC");
  EXPECT_EQ(renamed_party(with_party("windows-1252", "\x84Miete\x93")),
            "Test \xE2\x80\x9EMiete\xE2\x80\x9C");
  // ISO-8859-15 (through iconv): 0xA4 is € there, ¤ in ISO-8859-1.
  EXPECT_EQ(renamed_party(with_party("ISO-8859-15", "Preis \xA4")), "Test Preis \xE2\x82\xAC");
  EXPECT_EQ(renamed_party(with_party("IBM850", "M\x81ller")), "Test M\xC3\xBCller");
}

TEST(BadStatementFile, UnknownOrUnreadableEncodingIsRejected) {
  const ParsedFile unknown = with_party("x-bank-special", "Name");
  ASSERT_FALSE(unknown.ok());
  EXPECT_TRUE(contains(unknown.errors[0].reason, "unknown encoding \"x-bank-special\""))
      << unknown.errors[0].reason;
  const ParsedFile invalid = with_party("ISO-2022-JP", "\xFF\xFE");
  ASSERT_FALSE(invalid.ok());
  EXPECT_TRUE(contains(invalid.errors[0].reason, "is not valid iso-2022-jp"))
      << invalid.errors[0].reason;
}

std::string utf16le(const std::string& utf8) {
  iconv_t cd = iconv_open("UTF-16LE", "UTF-8");
  std::string out(utf8.size() * 4, '\0');
  char* in = const_cast<char*>(utf8.data());
  char* dst = out.data();
  std::size_t in_left = utf8.size(), out_left = out.size();
  EXPECT_NE(iconv(cd, &in, &in_left, &dst, &out_left), static_cast<std::size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

TEST(BadStatementFile, Utf16IsConvertedUtf32Refused) {
  const std::string xml = read_sample(k_052);  // UTF-8 with "ü"
  std::string utf16 = "\xFF\xFE" + utf16le(xml);
  const ParsedFile parsed = parse_text("u16.xml", utf16);
  ASSERT_TRUE(parsed.ok()) << parsed.errors[0].message();
  EXPECT_EQ(to_json(parsed.documents[0])["statements"],
            to_json(parse_text("u16.xml", xml).documents.at(0))["statements"]);
  const ParsedFile utf32 = parse_text("u32.xml", std::string("\xFF\xFE\0\0<\0\0\0", 8));
  ASSERT_FALSE(utf32.ok());
  EXPECT_TRUE(contains(utf32.errors[0].reason, "UTF-32"));
  ParsedFile odd = parse_text("odd.xml", utf16.substr(0, 301));  // half a character at the end
  ASSERT_FALSE(odd.ok());
}

// --- versions ----------------------------------------------------------------------------------

ParsedFile with_namespace(std::string_view version) {
  return parse_text("v.xml",
                    replace_all(read_sample(k_053), "camt.053.001.02", std::string(version)));
}

TEST(BadStatementFile, NewerCamtVersionIsReadWithAWarning) {
  const ParsedFile parsed = with_namespace("camt.053.001.13");
  ASSERT_TRUE(parsed.ok()) << parsed.errors[0].message();
  EXPECT_EQ(parsed.documents[0].format, "camt.053.001.13");
  EXPECT_TRUE(has_warning(parsed.documents[0].statements[0], "newer than the versions"));
}

TEST(BadStatementFile, UnknownCamtVersionIsRejected) {
  for (const char* version : {"camt.053.002.02", "camt.053", "camt.053.001.2", "camt.053.001.xx",
                              "camt.053.001.00", "camt.053.001.02.de"}) {
    const ParsedFile parsed = with_namespace(version);
    ASSERT_FALSE(parsed.ok()) << version;
    EXPECT_TRUE(contains(parsed.errors[0].message(), "v.xml: line 2, Document: unknown camt "))
        << parsed.errors[0].message();
  }
  const ParsedFile other = with_namespace("camt.056.001.08");
  ASSERT_FALSE(other.ok());
  EXPECT_TRUE(other.errors[0].not_a_statement);
}

// --- repeated statements -----------------------------------------------------------------------

TEST(BadStatementFile, SameCamtStatementTwiceInAFileIsWarned) {
  std::string xml = read_sample(k_053);
  const std::size_t begin = xml.find("<Stmt>");
  const std::size_t end = xml.find("</Stmt>") + 7;
  xml.insert(end, xml.substr(begin, end - begin));
  const ParsedFile parsed = parse_text("twice.xml", xml);
  ASSERT_TRUE(parsed.ok()) << parsed.errors[0].message();
  const auto& statements = parsed.documents[0].statements;
  ASSERT_EQ(statements.size(), 2u);
  EXPECT_FALSE(has_warning(statements[0], "repeats"));
  EXPECT_TRUE(has_warning(statements[1], "statement 2 repeats statement 1"));
  // The same bookings: the same references, so an idempotent import books them once.
  ASSERT_EQ(statements[0].entries.size(), statements[1].entries.size());
  for (std::size_t i = 0; i < statements[0].entries.size(); ++i)
    EXPECT_EQ(statements[0].entries[i].booking_ref(), statements[1].entries[i].booking_ref());
}

TEST(BadStatementFile, SameMt940MessageTwiceIsWarned) {
  std::string text = read_sample(k_jejik + "commerzbank.txt");
  if (!text.ends_with('\n')) text += '\n';
  const ParsedFile parsed = parse_text("twice.sta", text + text);
  ASSERT_TRUE(parsed.ok()) << parsed.errors[0].message();
  const auto& statements = parsed.documents[0].statements;
  ASSERT_EQ(statements.size(), 2u);
  EXPECT_TRUE(has_warning(statements[1], "repeats statement 1"));
  EXPECT_EQ(statements[0].entries.at(0).booking_ref(), statements[1].entries.at(0).booking_ref());
}

TEST(BadStatementFile, SameCamt052DeliveredTwiceGivesTheSameRefs) {
  const ParsedFile first = parse_text("morning.xml", read_sample(k_052));
  const ParsedFile second = parse_text("noon.xml", read_sample(k_052));
  ASSERT_TRUE(first.ok() && second.ok());
  const auto& a = first.documents[0].statements.at(0).entries;
  const auto& b = second.documents[0].statements.at(0).entries;
  ASSERT_EQ(a.size(), b.size());
  ASSERT_FALSE(a.empty());
  for (std::size_t i = 0; i < a.size(); ++i)
    EXPECT_EQ(a[i].booking_ref(), b[i].booking_ref());
}

// --- entries that do not add up ----------------------------------------------------------------

TEST(BadStatementFile, CamtClosingBalanceThatDoesNotAddUpIsAWarning) {
  const std::string xml = replace_all(read_sample(k_053), "<Amt Ccy=\"EUR\">23.06</Amt>",
                                      "<Amt Ccy=\"EUR\">23.07</Amt>");
  const ParsedFile parsed = parse_text("sum.xml", xml);
  ASSERT_TRUE(parsed.ok());
  const Statement& s = parsed.documents[0].statements[0];
  EXPECT_TRUE(has_warning(s, "balance mismatch")) << ::testing::PrintToString(s.warnings);
  EXPECT_TRUE(has_warning(s, "the closing balance is 23.07 EUR"));
  EXPECT_EQ(s.entries.size(), parse_sample(k_053).documents[0].statements[0].entries.size());
}

TEST(BadStatementFile, Mt940EntryThatDoesNotAddUpIsAWarning) {
  const std::string text = replace_all(read_sample(k_jejik + "commerzbank.txt"), ":62F:", ":62F:X");
  // An unreadable closing balance is an error naming the line …
  const ParsedFile broken = parse_text("c.sta", text);
  ASSERT_FALSE(broken.ok());
  EXPECT_TRUE(contains(broken.errors[0].message(), "c.sta: line ")) << broken.errors[0].message();
  // … a wrong amount a warning.
  std::string shifted = read_sample(k_jejik + "commerzbank.txt");
  const std::size_t line = shifted.find(":61:");
  const std::size_t comma = shifted.find(',', line);
  shifted[comma - 1] = shifted[comma - 1] == '9' ? '8' : static_cast<char>(shifted[comma - 1] + 1);
  const ParsedFile parsed = parse_text("c.sta", shifted);
  ASSERT_TRUE(parsed.ok()) << parsed.errors[0].message();
  EXPECT_TRUE(has_warning(parsed.documents[0].statements[0], "balance mismatch"));
}

TEST(BadStatementFile, HugeAmountsAreRejectedOrWarnedNeverWrapped) {
  for (const char* amount :
       {"92233720368547758.07", "99999999999999999999.99", "1e400", "-5.00", "0x10", "12.345678"}) {
    const std::string xml = replace_all(read_sample(k_053), "<Amt Ccy=\"EUR\">2.00</Amt>",
                                        "<Amt Ccy=\"EUR\">" + std::string(amount) + "</Amt>");
    const ParsedFile parsed = parse_text("huge.xml", xml);
    if (parsed.ok()) {  // in range: the sums must not wrap
      const Statement& s = parsed.documents[0].statements[0];
      EXPECT_TRUE(has_warning(s, "the sum overflows") ||
                  has_warning(s, "booked entries -92233720368547"))
          << amount << ::testing::PrintToString(s.warnings);
    } else {
      EXPECT_TRUE(contains(parsed.errors[0].message(), "huge.xml: line ")) << amount;
      EXPECT_TRUE(contains(parsed.errors[0].where, "Amt")) << parsed.errors[0].message();
    }
  }
}

TEST(BadStatementFile, InvalidCurrencyCodeIsRejected) {
  const std::string xml = replace_all(read_sample(k_053), "Ccy=\"EUR\">2.00", "Ccy=\"E<U\">2.00");
  const ParsedFile escaped = parse_text("ccy.xml", replace_all(xml, "E<U", "E&lt;U"));
  ASSERT_FALSE(escaped.ok());
  EXPECT_TRUE(contains(escaped.errors[0].reason, "not an ISO 4217 code"))
      << escaped.errors[0].message();
}

}  // namespace
}  // namespace kaution::formats::test
