#include <gtest/gtest.h>

#include <minizip/zip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "connectors/formats/zip_reader.hpp"
#include "sample_support.hpp"

// Zip containers: every entry is its own document; a bad entry is rejected without hiding
// the good ones; damaged archives are rejected.

namespace kaution::formats::test {
namespace {

// Writes a zip with the given entries (deflated) and returns its bytes.
std::string make_zip(const std::vector<std::pair<std::string, std::string>>& entries) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("formats_zip_" + std::to_string(::getpid()) + ".zip");
  zipFile zip = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
  for (const auto& [name, data] : entries) {
    zip_fileinfo info{};
    zipOpenNewFileInZip64(zip, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED,
                          Z_DEFAULT_COMPRESSION, 1);
    zipWriteInFileInZip(zip, data.data(), static_cast<unsigned>(data.size()));
    zipCloseFileInZip(zip);
  }
  zipClose(zip, nullptr);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::filesystem::remove(path);
  return bytes.str();
}

const std::string k_053 = "viafintech_camt_parser/spec/fixtures/053/valid_example.xml";
const std::string k_mt940 =
    "sandermarechal_jejik-mt940/tests/Jejik/Tests/MT940/Fixture/document/sparkasse.txt";

TEST(Zip, EveryEntryIsADocument) {
  const std::string zip = make_zip({{"a/camt053.xml", read_sample(k_053)},
                                    {"dir/", ""},
                                    {"b/statement.sta", read_sample(k_mt940)}});
  const ParsedFile parsed = parse_text("bank.zip", zip);
  ASSERT_TRUE(parsed.ok()) << parsed.errors[0].message();
  ASSERT_EQ(parsed.documents.size(), 2u);
  EXPECT_EQ(parsed.documents[0].file, "bank.zip/a/camt053.xml");
  EXPECT_EQ(parsed.documents[0].format, "camt.053.001.02");
  EXPECT_EQ(parsed.documents[1].file, "bank.zip/b/statement.sta");
  EXPECT_EQ(parsed.documents[1].format, "MT940");
}

TEST(Zip, BadEntryIsRejectedOthersKept) {
  std::string broken = read_sample(k_053);
  broken.resize(broken.size() / 2);
  const ParsedFile parsed = parse_text(
      "bank.zip",
      make_zip({{"good.xml", read_sample(k_053)}, {"bad.xml", broken}, {"readme.txt", "hello"}}));
  ASSERT_EQ(parsed.documents.size(), 1u);
  ASSERT_EQ(parsed.errors.size(), 2u);
  EXPECT_EQ(parsed.errors[0].file, "bank.zip/bad.xml");
  EXPECT_EQ(parsed.errors[1].file, "bank.zip/readme.txt");
  EXPECT_TRUE(parsed.errors[1].not_a_statement);
}

TEST(Zip, DamagedArchiveIsRejected) {
  std::string zip = make_zip({{"a.xml", read_sample(k_053)}});
  zip[zip.size() / 2] = static_cast<char>(zip[zip.size() / 2] ^ 0x55);  // corrupt the data
  const ParsedFile parsed = parse_text("bank.zip", zip);
  EXPECT_FALSE(parsed.ok());
  EXPECT_TRUE(parsed.documents.empty());
  zip.resize(zip.size() - 30);  // cut the central directory
  const ParsedFile cut = parse_text("bank.zip", zip);
  ASSERT_FALSE(cut.ok());
  EXPECT_TRUE(cut.documents.empty());
}

TEST(Zip, EmptyArchiveIsNotAStatement) {
  const ParsedFile parsed = parse_text("empty.zip", make_zip({}));
  ASSERT_EQ(parsed.errors.size(), 1u);
  EXPECT_TRUE(parsed.documents.empty());
}

TEST(Zip, EntryLargerThanTheLimitIsRejected) {
  const std::string zip = make_zip({{"big.xml", std::string(100000, ' ')}});
  int seen = 0;
  auto read = for_each_zip_entry(
      zip, [&](const std::string&, std::string) { ++seen; }, 1000);
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().where, "big.xml");
  EXPECT_EQ(seen, 0);
}

}  // namespace
}  // namespace kaution::formats::test
