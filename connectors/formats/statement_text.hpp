#pragma once
// Compact text storage for the statement model. Entries and transactions are many and their
// text fields mostly empty or short, so their text lives in an arena shared by the statements
// of a document, and each entry or transaction holds one pointer to a packed record of only
// the fields it has (an MT940 entry of ~200 bytes would otherwise take ~1.9 KB of strings).

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace kaution::formats {

// Append-only byte storage: what is stored never moves while the arena lives. Blocks grow
// from 4 KB to 1 MB, so a small document costs little and a large one wastes at most 1 MB.
class TextArena {
 public:
  // Room for `size` bytes.
  char* allocate(std::size_t size);
  // A copy of `text` (an empty view for empty text, without storage).
  std::string_view store(std::string_view text);
  // Bytes taken from the system (blocks), for tests and benchmarks.
  std::size_t capacity() const { return m_capacity; }

 private:
  std::vector<std::unique_ptr<char[]>> m_blocks;
  char* m_next = nullptr;
  std::size_t m_left = 0;
  std::size_t m_block_size = 4096;
  std::size_t m_capacity = 0;
};

// The text fields of entries and transactions (see statement_model.hpp for their meaning).
enum class TextField : std::uint8_t {
  end = 0,
  ref,
  account_servicer_ref,
  domain,
  family,
  subfamily,
  proprietary,
  issuer,
  additional_info,
  booking_date_time,
  value_date_time,
  end_to_end_id,
  mandate_id,
  tx_id,
  customer_ref,
  creditor_scheme_id,
  debtor_name,
  debtor_iban,
  debtor_other_id,
  debtor_bic,
  creditor_name,
  creditor_iban,
  creditor_other_id,
  creditor_bic,
  ultimate_debtor,
  ultimate_creditor,
  remittance,  // unstructured lines joined with '\n'
  creditor_ref,
  return_reason,
  count_,
};

// A packed record of fields in an arena: [field][length (LEB128)][bytes]… ended by
// TextField::end; null when no field is set. Copies share the record.
class TextFields {
 public:
  // The field's text; empty when absent.
  std::string_view get(TextField field) const;
  bool empty() const { return m_data == nullptr; }

 private:
  friend class TextFieldsWriter;
  const unsigned char* m_data = nullptr;
};

// Collects fields (views that must stay valid until commit) and packs them into one record.
class TextFieldsWriter {
 public:
  // Empty text is not stored; setting a field again replaces its text.
  void set(TextField field, std::string_view text);
  TextFields commit(TextArena& arena) const;

 private:
  std::array<std::string_view, static_cast<std::size_t>(TextField::count_)> m_texts{};
  std::uint32_t m_set = 0;  // bit per field
};
static_assert(static_cast<int>(TextField::count_) <= 32);

}  // namespace kaution::formats
