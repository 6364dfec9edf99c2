#pragma once
// The bank's reasons for a refusal (4xx), read from its answer: aak
// {"errors": [{"field", "code", "message"}]}, dkb {"violations": [{"path", "reason"}]}, or a
// bare code ({"code": …} or {"error": …}).

#include <string>
#include <string_view>
#include <vector>

#include "connectors/http/message.hpp"
#include "core/failure.hpp"

namespace kaution::connectors {

// Empty when the body carries none (or is not JSON). Messages are scrubbed of secrets.
std::vector<FieldError> bank_field_errors(std::string_view body);

// Puts the field errors of the failure's answer into `fields` and lists them in its message;
// the class is kept.
void add_field_errors(httpclient::HttpFailure& failure);

// Class rejected, found before sending (data the profile cannot take).
Failure local_rejection(std::string message, std::vector<FieldError> fields = {});

// When the failure's answer names `code` (in any form, even as plain text) but no field error
// carries it: adds one for `field` and names it in the message.
void ensure_code(httpclient::HttpFailure& failure, std::string_view code, std::string_view field);

// True when the failure's answer carries `code` as a field error code.
bool has_code(const Failure& failure, std::string_view code);

}  // namespace kaution::connectors
