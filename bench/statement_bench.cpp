// Benchmark of the statement parsers against pugixml's bare load of the same buffer.
//   statement_bench generate camt|mt940 ENTRIES FILE   write a deterministic test file
//   statement_bench parse FILE          parse_statement_file: file mapped, parsed, pages dropped
//   statement_bench parse-buffer FILE   file read first (not timed), parse_statement_buffer
//   statement_bench pugixml FILE        file read first (not timed), load_buffer_inplace only
// Each prints one line: mode, bytes, seconds, MB/s, entries, entries/s, peak RSS (getrusage)
// in MB and peak RSS over the file size.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <pugixml.hpp>
#include <sstream>
#include <string>

#include "connectors/formats/statement_parser.hpp"
#include "generator.hpp"

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  in.seekg(0, std::ios::end);
  std::string data(static_cast<std::size_t>(in.tellg()), '\0');
  in.seekg(0);
  in.read(data.data(), static_cast<std::streamsize>(data.size()));
  return data;
}

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

void report(const char* mode, std::size_t bytes, double seconds, std::size_t entries) {
  const double mb = static_cast<double>(bytes) / 1e6;
  std::printf(
      "%s bytes=%zu seconds=%.3f MB/s=%.1f entries=%zu entries/s=%.0f peak_rss_MB=%.1f "
      "rss/file=%.2f\n",
      mode, bytes, seconds, mb / seconds, entries, static_cast<double>(entries) / seconds,
      peak_rss_mb(), peak_rss_mb() / (mb / 1.048576));
}

int parse(const std::string& path, bool from_buffer) {
  std::string data = from_buffer ? read_file(path) : std::string{};
  const auto bytes = static_cast<std::size_t>(std::filesystem::file_size(path));
  const auto start = std::chrono::steady_clock::now();
  const auto parsed = from_buffer ? kaution::formats::parse_statement_buffer(path, std::move(data))
                                  : kaution::formats::parse_statement_file(path);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  if (!parsed.ok()) {
    std::cerr << parsed.errors.front().message() << '\n';
    return 1;
  }
  std::size_t entries = 0;
  for (const auto& d : parsed.documents)
    for (const auto& s : d.statements) {
      entries += s.entries.size();
      for (const auto& w : s.warnings)
        std::cerr << "warning: " << w << '\n';
    }
  report(from_buffer ? "parse-buffer" : "parse", bytes, took.count(), entries);
  return 0;
}

int pugixml_load(const std::string& path) {
  std::string data = read_file(path);
  const std::size_t bytes = data.size();
  pugi::xml_document doc;
  const auto start = std::chrono::steady_clock::now();
  const pugi::xml_parse_result result = doc.load_buffer_inplace(data.data(), data.size());
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  if (!result) return 1;
  report("pugixml", bytes, took.count(), 0);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "generate" && argc == 5) {
    std::ofstream out(argv[4], std::ios::binary);
    const std::size_t entries = std::stoull(argv[3]);
    if (std::string(argv[2]) == "camt")
      kaution::bench::write_camt053(out, entries);
    else
      kaution::bench::write_mt940(out, entries);
    return out ? 0 : 1;
  }
  if (mode == "parse" && argc == 3) return parse(argv[2], false);
  if (mode == "parse-buffer" && argc == 3) return parse(argv[2], true);
  if (mode == "pugixml" && argc == 3) return pugixml_load(argv[2]);
  std::cerr
      << "usage: statement_bench generate camt|mt940 ENTRIES FILE | parse FILE | pugixml FILE\n";
  return 2;
}
