// DkbConnector::import_page: statements of all collective accounts, balances, unassigned
// bookings and the portal's assignments, as one page.
#include <algorithm>
#include <stdexcept>
#include <unordered_set>

#include "connectors/aak/camt_bookings.hpp"
#include "connectors/dkb/dkb_connector_impl.hpp"
#include "connectors/dkb/dkb_portal.hpp"
#include "connectors/dkb/dkb_requests.hpp"
#include "connectors/dkb/dkb_responses.hpp"
#include "connectors/dkb/dkb_statement.hpp"
#include "connectors/http/classify.hpp"

namespace kaution::dkb {
namespace {

constexpr std::string_view k_camt_format = "camt.053.001.02";

Failure failure_of(const httpclient::HttpResult& result) {
  return static_cast<const Failure&>(result.error());
}

Result<std::optional<Date>> cursor_date(const std::optional<std::string>& cursor) {
  if (!cursor || cursor->empty()) return std::optional<Date>{};
  auto date = Date::parse(*cursor);
  if (!date)
    return std::unexpected(
        httpclient::protocol_failure("dkb import", "the stored cursor is not a date: " + *cursor));
  return std::optional<Date>{*date};
}

std::optional<std::string> balance_deposit(const BalanceItem& item,
                                           const DepositDirectory& directory) {
  if (item.contract_no) {
    if (const auto it = directory.by_contract.find(*item.contract_no);
        it != directory.by_contract.end())
      return it->second;
  }
  if (!item.sub_account) return std::nullopt;
  if (const auto it = directory.by_bank_ref.find(*item.sub_account);
      it != directory.by_bank_ref.end())
    return it->second;
  if (const std::string* deposit = directory.by_account.find(*item.sub_account)) return *deposit;
  return std::nullopt;
}

}  // namespace

Result<ImportPage> DkbConnector::import_page(const ImportRequest& request) {
  if (request.directory == nullptr)
    throw std::invalid_argument("dkb import_page: ImportRequest.directory is null");
  ImportPage page;
  auto latest = add_statements(request, page);
  if (!latest) return std::unexpected(latest.error());
  page.cursor = *latest ? (*latest)->to_string() : request.cursor.value_or("");
  if (auto added = add_balances(*request.directory, page); !added)
    return std::unexpected(added.error());
  if (auto added = add_unassigned(request, page); !added) return std::unexpected(added.error());
  return page;
}

// The latest booking date seen, not before the cursor's; nullopt when neither exists.
Result<std::optional<Date>> DkbConnector::add_statements(const ImportRequest& request,
                                                         ImportPage& page) {
  auto from = cursor_date(request.cursor);
  if (!from) return from;
  std::optional<Date> latest = *from;
  const std::span<const Iban> all(m_ibans);
  for (std::size_t at = 0; at < all.size(); at += k_max_ibans_per_call) {
    const auto chunk = all.subspan(at, std::min(k_max_ibans_per_call, all.size() - at));
    httpclient::Request call = get_statements(chunk, *from);
    const std::string what = m_client.describe(call);
    auto response = send(std::move(call));
    if (!response) return std::unexpected(failure_of(response));
    auto document = connectors::parse_statement_answer(what, "statements",
                                                       std::move(response->body), k_camt_format);
    if (!document) return std::unexpected(document.error());
    std::unordered_set<std::string> asked;
    for (const Iban& iban : chunk)
      asked.insert(iban.str());
    for (const formats::Statement& statement : document->statements) {
      if (!asked.contains(normalize_contract_no(statement.account.iban)))
        return std::unexpected(httpclient::protocol_failure(
            what,
            "Stmt " + statement.id + ": account " + statement.account.iban + " was not asked for"));
      auto bookings = statement_bookings(what, statement, *request.directory);
      if (!bookings) return std::unexpected(bookings.error());
      for (BookingEntry& booking : *bookings) {
        if (!latest || booking.booking_date > *latest) latest = booking.booking_date;
        page.bookings.push_back(std::move(booking));
      }
      for (const std::string& warning : statement.warnings)
        page.warnings.push_back("statement " + statement.id + ": " + warning);
    }
  }
  return latest;
}

Result<void> DkbConnector::add_balances(const DepositDirectory& directory, ImportPage& page) {
  std::int64_t unknown = 0;
  const std::span<const Iban> all(m_ibans);
  for (std::size_t at = 0; at < all.size(); at += k_max_ibans_per_call) {
    httpclient::Request call =
        get_balances(all.subspan(at, std::min(k_max_ibans_per_call, all.size() - at)));
    const std::string what = m_client.describe(call);
    auto response = send(std::move(call));
    if (!response) return std::unexpected(failure_of(response));
    auto items = read_balances(what, response->body);
    if (!items) return std::unexpected(items.error());
    for (const BalanceItem& item : *items) {
      if (auto deposit = balance_deposit(item, directory))
        page.balances.push_back(BalanceRecord{std::move(*deposit), item.as_of, item.balance});
      else
        ++unknown;
    }
  }
  if (unknown > 0)
    page.warnings.push_back(std::to_string(unknown) +
                            " balances belong to no deposit known to the daemon");
  return {};
}

Result<void> DkbConnector::add_unassigned(const ImportRequest& request, ImportPage& page) {
  if (m_ibans.empty()) return {};
  httpclient::Request call = get_unassigned(m_ibans);
  const std::string what = m_client.describe(call);
  auto response = send(std::move(call));
  if (!response) return std::unexpected(failure_of(response));
  auto listed = read_unassigned(what, response->body);
  if (!listed) return std::unexpected(listed.error());
  page.unassigned = unassigned_counts(*listed);
  for (const std::string& key : gone_from_list(request.held_unassigned, *listed)) {
    if (auto added = add_portal_assignment(key, *request.directory, page); !added) return added;
  }
  return {};
}

// A booking gone from the unassigned list: asks the bank to which tenancy the portal assigned
// it. A booking the bank does not know (404), or one it names no known contract for, stays
// unassigned with a warning.
Result<void> DkbConnector::add_portal_assignment(const std::string& key,
                                                 const DepositDirectory& directory,
                                                 ImportPage& page) {
  httpclient::Request call = get_booking(split_booking_key(key).second);
  const std::string what = m_client.describe(call);
  auto response = send(std::move(call));
  if (!response && response.error().status() == 404) {
    page.warnings.push_back("booking " + key +
                            " is no longer unassigned, but the bank does "
                            "not know it (HTTP 404)");
    return {};
  }
  if (!response) return std::unexpected(failure_of(response));
  auto contract = read_booking_contract(what, response->body);
  if (!contract) return std::unexpected(contract.error());
  const auto deposit =
      *contract ? directory.by_contract.find(**contract) : directory.by_contract.end();
  if (deposit == directory.by_contract.end()) {
    page.warnings.push_back(
        "booking " + key + " is no longer unassigned, but the bank names " +
        (*contract ? "contract " + **contract + ", unknown here" : "no contract"));
    return {};
  }
  page.portal_assignments.push_back(PortalAssignment{key, deposit->second});
  return {};
}

}  // namespace kaution::dkb
