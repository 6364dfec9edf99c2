#pragma once
// MT940/MT942 text split into messages of tagged fields: SWIFT envelope blocks ({1:…}{4:),
// header lines before the first tag and message ends ("-", "-}") are handled here.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kaution::formats::mt940 {

struct Field {
  std::string tag;    // "20", "60F", "61", "NS", …
  std::string value;  // continuation lines joined with '\n'
  std::size_t line = 0;
};

struct Message {
  std::vector<Field> fields;  // starts with :20: unless fields came before any :20:
};

// Messages in order; a new :20: or an end marker closes the message before it.
std::vector<Message> split_messages(std::string_view text);

}  // namespace kaution::formats::mt940
