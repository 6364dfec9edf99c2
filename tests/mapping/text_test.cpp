// Characters, not bytes: truncation never cuts a UTF-8 sequence; the DK transliteration keeps
// the DK set, transliterates what it can and replaces the rest visibly, never dropping silently.
#include "mapping/text.hpp"

#include <gtest/gtest.h>

#include "sample_deposit.hpp"

namespace kaution {
namespace {

using test::repeat;
using test::well_formed_utf8;

TEST(Utf8, DecodesOneToFourByteSequences) {
  const std::string text = "aé€😀";
  std::vector<char32_t> cps;
  for (std::size_t pos = 0; pos < text.size();) {
    const DecodedChar c = decode_utf8(text, pos);
    ASSERT_TRUE(c.valid);
    cps.push_back(c.code_point);
    pos += c.length;
  }
  EXPECT_EQ(cps, (std::vector<char32_t>{U'a', U'é', U'€', U'😀'}));
  EXPECT_EQ(count_chars(text), 4u);
}

TEST(Utf8, RejectsMalformedSequences) {
  for (std::string_view bad :
       {"\xC0\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x82", "\x80", "\xFF", "a\xC3"}) {
    EXPECT_FALSE(is_valid_utf8(bad)) << testing::PrintToString(bad);
    EXPECT_FALSE(well_formed_utf8(bad)) << "the test's own validator agrees";
  }
  EXPECT_TRUE(is_valid_utf8("Müller 😀 €"));
}

TEST(Utf8, AppendEncodesEveryLength) {
  std::string out;
  for (char32_t c : {U'a', U'ß', U'€', U'😀'})
    append_utf8(out, c);
  EXPECT_EQ(out, "aß€😀");
}

TEST(TruncateChars, FortyUmlautsBecomeThirtyFiveValidUtf8) {
  const std::string name = repeat("ü", 40);
  ASSERT_EQ(name.size(), 80u);
  const std::string cut = truncate_chars(name, 35);
  EXPECT_EQ(cut, repeat("ü", 35));
  EXPECT_EQ(cut.size(), 70u);
  EXPECT_EQ(count_chars(cut), 35u);
  EXPECT_TRUE(well_formed_utf8(cut));
}

TEST(TruncateChars, FourByteEmojiAtTheCutPoint) {
  const std::string text = repeat("a", 34) + "😀" + "bc";
  EXPECT_EQ(truncate_chars(text, 35), repeat("a", 34) + "😀") << "the emoji is the 35th char";
  EXPECT_EQ(truncate_chars(text, 34), repeat("a", 34)) << "never half an emoji";
  for (std::size_t n = 0; n <= 37; ++n) {
    const std::string cut = truncate_chars(text, n);
    EXPECT_TRUE(well_formed_utf8(cut)) << n;
    EXPECT_EQ(count_chars(cut), std::min<std::size_t>(n, 37));
  }
}

TEST(TruncateChars, ShortTextUnchanged) {
  EXPECT_EQ(truncate_chars("Schmidt", 35), "Schmidt");
  EXPECT_EQ(truncate_chars("", 35), "");
  EXPECT_EQ(truncate_chars("äöü", 0), "");
}

TEST(DkCharset, KeepsTheDkSet) {
  const std::string dk = "AZaz09 /-?:().,'+ÄÖÜäöüß";
  const DkText out = to_dk_charset(dk);
  EXPECT_EQ(out.text, dk);
  EXPECT_FALSE(out.changed);
  EXPECT_TRUE(out.unmapped.empty());
}

struct Case {
  const char* in;
  const char* out;
};

TEST(DkCharset, TransliterationTable) {
  const Case cases[] = {
      {"é", "e"},
      {"ł", "l"},
      {"Ł", "L"},
      {"„Müller“", "'Müller'"},
      {"”", "'"},
      {"‚x‘", "'x'"},
      {"ø", "o"},
      {"Ø", "O"},
      {"æ", "ae"},
      {"Æ", "AE"},
      {"Œ", "OE"},
      {"œ", "oe"},
      {"ẞ", "SS"},
      {"ç", "c"},
      {"ñ", "n"},
      {"Å", "A"},
      {"å", "a"},
      {"č", "c"},
      {"Ž", "Z"},
      {"ő", "o"},
      {"Ş", "S"},
      {"ș", "s"},
      {"ț", "t"},
      {"đ", "d"},
      {"Ð", "D"},
      {"þ", "th"},
      {"ı", "i"},
      {"İ", "I"},
      {"ĳ", "ij"},
      {"ŉ", "'n"},
      {"ſ", "s"},
      {"ŋ", "n"},
      {"ệ", "e"},
      {"ﬁ", "fi"},
      {"–", "-"},
      {"—", "-"},
      {"…", "..."},
      {"&", "+"},
      {"\"", "'"},
      {"_", "-"},
      {";", ","},
      {"[x]", "(x)"},
      {"€", "EUR"},
      {"@", "(at)"},
      {"\xC2\xA0", " "},
      {"\t", " "},
      {"#", "Nr."},
      {"%", "Prozent"},
      {"Dvořák", "Dvorak"},
      {"Łódź", "Lodz"},
      {"Sørensen", "Sorensen"},
      {"Müller & Söhne", "Müller + Söhne"},
      {"Ærø", "AEro"},
  };
  for (const Case& c : cases) {
    const DkText out = to_dk_charset(c.in);
    EXPECT_EQ(out.text, c.out) << c.in;
    EXPECT_TRUE(out.changed) << c.in;
    EXPECT_TRUE(out.unmapped.empty()) << c.in;
  }
}

TEST(DkCharset, DecomposedUmlautsComposeDiacriticsAreStripped) {
  EXPECT_EQ(to_dk_charset("Mu\xCC\x88ller").text, "Müller") << "u + U+0308 is ü";
  EXPECT_EQ(to_dk_charset("O\xCC\x88").text, "Ö");
  EXPECT_EQ(to_dk_charset("Rene\xCC\x81").text, "Rene") << "e + U+0301: the accent goes";
  EXPECT_TRUE(to_dk_charset("Rene\xCC\x81").changed);
  EXPECT_EQ(to_dk_charset("Mu\xCC\x88").text, "Mü") << "at the end of the text";
}

TEST(DkCharset, NoTransliterationBecomesAVisibleReplacementWithAWarning) {
  const DkText cyrillic = to_dk_charset("Иван");
  EXPECT_EQ(cyrillic.text, "????");
  EXPECT_EQ(cyrillic.unmapped, (std::vector<std::string>{"И", "в", "а", "н"}));
  const DkText emoji = to_dk_charset("Haus 😀");
  EXPECT_EQ(emoji.text, "Haus ?");
  EXPECT_EQ(emoji.unmapped, (std::vector<std::string>{"😀"}));
  const DkText invalid = to_dk_charset(
      "a\xFF"
      "b");
  EXPECT_EQ(invalid.text, "a?b");
  EXPECT_EQ(invalid.unmapped, (std::vector<std::string>{"\\xFF"}));
}

TEST(DkCharset, NothingSilentlyDropped) {
  // Every valid code point of the BMP's first planes and some beyond: the output is DK only,
  // and a character vanishes only when it is an invisible one or a combining diacritic.
  const std::u32string invisible = U"\u00AD\u200B\u200C\u200D\u2060\uFEFF";
  for (char32_t c = 1; c < 0x3100; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    std::string in;
    append_utf8(in, c);
    const DkText out = to_dk_charset(in);
    for (std::size_t pos = 0; pos < out.text.size();) {
      const DecodedChar d = decode_utf8(out.text, pos);
      ASSERT_TRUE(d.valid && is_dk_char(d.code_point)) << std::hex << static_cast<unsigned>(c);
      pos += d.length;
    }
    const bool may_vanish = invisible.find(c) != std::u32string::npos || (c >= 0x300 && c <= 0x36F);
    if (!may_vanish) {
      EXPECT_FALSE(out.text.empty()) << std::hex << static_cast<unsigned>(c);
    }
    if (out.text == "?" && c != U'?' && c != U'\u00BF') {
      EXPECT_EQ(out.unmapped.size(), 1u) << std::hex << static_cast<unsigned>(c);
    }
    if (!out.unmapped.empty()) {
      EXPECT_EQ(out.text, "?");
    }
  }
}

}  // namespace
}  // namespace kaution
