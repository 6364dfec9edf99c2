#pragma once
// A statement file mapped privately into memory: parsers may modify it in place (copy on
// write, the file is untouched) and drop the pages they are done with, so that a large file
// is never wholly resident.

#include <cstddef>
#include <expected>
#include <span>
#include <string>

namespace kaution::formats {

class MappedFile {
 public:
  // The error says why the file cannot be read. Empty files map to an empty span.
  static std::expected<MappedFile, std::string> open(const std::string& path);
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&&) = delete;
  MappedFile(const MappedFile&) = delete;
  ~MappedFile();

  std::span<char> bytes() const { return {m_data, m_size}; }
  // Returns the whole pages before `offset` to the system; reading them again yields the
  // file's original bytes.
  void release_before(std::size_t offset);

 private:
  MappedFile(char* data, std::size_t size) : m_data(data), m_size(size) {}
  char* m_data = nullptr;
  std::size_t m_size = 0;
  std::size_t m_released = 0;
};

}  // namespace kaution::formats
