#include "connectors/formats/statement_model.hpp"

#include <algorithm>

namespace kaution::formats {
namespace {

std::optional<StatementDate> date_with_time(bool has, Date date, std::string_view date_time) {
  if (!has) return std::nullopt;
  return StatementDate{date, std::string(date_time)};
}

}  // namespace

void CurrencyCode::set(std::string_view code) {
  m_size = static_cast<std::uint8_t>(std::min<std::size_t>(code.size(), m_code.size()));
  std::copy_n(code.begin(), m_size, m_code.begin());
}

Party Transaction::debtor() const {
  return {get(TextField::debtor_name), get(TextField::debtor_iban), get(TextField::debtor_other_id),
          get(TextField::debtor_bic)};
}

Party Transaction::creditor() const {
  return {get(TextField::creditor_name), get(TextField::creditor_iban),
          get(TextField::creditor_other_id), get(TextField::creditor_bic)};
}

std::vector<std::string_view> Transaction::remittance() const {
  std::vector<std::string_view> lines;
  std::string_view rest = remittance_text();
  while (!rest.empty()) {
    const std::size_t nl = rest.find('\n');
    lines.push_back(rest.substr(0, nl));
    if (nl == std::string_view::npos) break;
    rest.remove_prefix(nl + 1);
  }
  return lines;
}

std::optional<StatementDate> Entry::booking_date() const {
  return date_with_time(m_has_booking_date, m_booking_date, get(TextField::booking_date_time));
}

std::optional<StatementDate> Entry::value_date() const {
  return date_with_time(m_has_value_date, m_value_date, get(TextField::value_date_time));
}

BankTxCode Entry::bank_tx_code() const {
  return {get(TextField::domain), get(TextField::family), get(TextField::subfamily),
          get(TextField::proprietary), get(TextField::issuer)};
}

void Entry::set_dates(std::optional<Date> booking, std::optional<Date> value) {
  m_has_booking_date = booking.has_value();
  m_has_value_date = value.has_value();
  if (booking) m_booking_date = *booking;
  if (value) m_value_date = *value;
}

}  // namespace kaution::formats
