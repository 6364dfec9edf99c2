#include "sample_support.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace kaution::formats::test {

std::string sample_path(const std::string& relative) {
  return std::string(KAUTION_SAMPLES_DIR) + "/" + relative;
}

std::string read_sample(const std::string& relative) {
  std::ifstream in(sample_path(relative), std::ios::binary);
  if (!in) throw std::runtime_error("missing sample " + relative);
  std::ostringstream data;
  data << in.rdbuf();
  return data.str();
}

ParsedFile parse_sample(const std::string& relative) {
  return parse_statement_file(sample_path(relative));
}

ParsedFile parse_text(const std::string& name, std::string text) {
  return parse_statement_buffer(name, std::move(text));
}

std::size_t entry_count(const Document& document) {
  std::size_t n = 0;
  for (const Statement& s : document.statements)
    n += s.entries.size();
  return n;
}

std::size_t transaction_count(const Document& document) {
  std::size_t n = 0;
  for (const Statement& s : document.statements)
    for (const Entry& e : s.entries)
      n += e.transactions.size();
  return n;
}

const Balance* balance_of(const Statement& statement, std::string_view type) {
  for (const Balance& b : statement.balances)
    if (b.type == type) return &b;
  return nullptr;
}

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

}  // namespace kaution::formats::test
