#pragma once
// MT940/MT942 text split into messages of tagged fields: SWIFT envelope blocks ({1:…}{4:),
// header lines before the first tag and message ends ("-", "-}") are handled here.

#include <cstddef>
#include <functional>
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

// Calls `visit(message, end)` for each message in order, as soon as it is complete (a new
// :20: or an end marker closes the message before it); `end` is the offset in `text` up to
// which every byte has been read. Stops when `visit` returns false.
using MessageVisitor = std::function<bool(const Message& message, std::size_t end)>;
void for_each_message(std::string_view text, const MessageVisitor& visit);

// All messages in order.
std::vector<Message> split_messages(std::string_view text);

}  // namespace kaution::formats::mt940
