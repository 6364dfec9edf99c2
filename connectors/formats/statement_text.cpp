#include "connectors/formats/statement_text.hpp"

#include <algorithm>
#include <cstring>

namespace kaution::formats {
namespace {

constexpr std::size_t k_max_block = 1024 * 1024;

std::size_t varint_size(std::size_t value) {
  std::size_t n = 1;
  while (value >= 0x80U) {
    value >>= 7U;
    ++n;
  }
  return n;
}

unsigned char* put_varint(unsigned char* out, std::size_t value) {
  while (value >= 0x80U) {
    *out++ = static_cast<unsigned char>(value | 0x80U);
    value >>= 7U;
  }
  *out++ = static_cast<unsigned char>(value);
  return out;
}

const unsigned char* get_varint(const unsigned char* in, std::size_t& value) {
  value = 0;
  unsigned shift = 0;
  while ((*in & 0x80U) != 0) {
    value |= static_cast<std::size_t>(*in++ & 0x7FU) << shift;
    shift += 7;
  }
  value |= static_cast<std::size_t>(*in++) << shift;
  return in;
}

}  // namespace

char* TextArena::allocate(std::size_t size) {
  if (size > m_left) {
    if (size > m_block_size / 4) {  // large: a block of its own, the current one stays open
      m_blocks.push_back(std::make_unique_for_overwrite<char[]>(size));
      m_capacity += size;
      return m_blocks.back().get();
    }
    m_blocks.push_back(std::make_unique_for_overwrite<char[]>(m_block_size));
    m_capacity += m_block_size;
    m_next = m_blocks.back().get();
    m_left = m_block_size;
    m_block_size = std::min(k_max_block, m_block_size * 2);
  }
  char* out = m_next;
  m_next += size;
  m_left -= size;
  return out;
}

std::string_view TextArena::store(std::string_view text) {
  if (text.empty()) return {};
  char* out = allocate(text.size());
  std::memcpy(out, text.data(), text.size());
  return {out, text.size()};
}

std::string_view TextFields::get(TextField field) const {
  if (m_data == nullptr) return {};
  const unsigned char* p = m_data;
  while (*p != static_cast<unsigned char>(TextField::end)) {
    const auto key = static_cast<TextField>(*p++);
    std::size_t size = 0;
    p = get_varint(p, size);
    if (key == field) return {reinterpret_cast<const char*>(p), size};
    p += size;
  }
  return {};
}

void TextFieldsWriter::set(TextField field, std::string_view text) {
  const auto index = static_cast<std::size_t>(field);
  const std::uint32_t bit = 1U << index;
  m_texts[index] = text;
  if (text.empty())
    m_set &= ~bit;
  else
    m_set |= bit;
}

TextFields TextFieldsWriter::commit(TextArena& arena) const {
  TextFields out;
  if (m_set == 0) return out;
  std::size_t size = 1;
  for (std::size_t i = 1; i < m_texts.size(); ++i)
    if ((m_set & (1U << i)) != 0) size += 1 + varint_size(m_texts[i].size()) + m_texts[i].size();
  auto* p = reinterpret_cast<unsigned char*>(arena.allocate(size));
  out.m_data = p;
  for (std::size_t i = 1; i < m_texts.size(); ++i) {
    if ((m_set & (1U << i)) == 0) continue;
    *p++ = static_cast<unsigned char>(i);
    p = put_varint(p, m_texts[i].size());
    std::memcpy(p, m_texts[i].data(), m_texts[i].size());
    p += m_texts[i].size();
  }
  *p = static_cast<unsigned char>(TextField::end);
  return out;
}

}  // namespace kaution::formats
