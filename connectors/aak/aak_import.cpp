// AakConnector::import_page: statements by cursor, one per page, then the balances.
#include <stdexcept>

#include "connectors/aak/aak_assign.hpp"
#include "connectors/aak/aak_connector_impl.hpp"
#include "connectors/aak/aak_requests.hpp"
#include "connectors/aak/camt_bookings.hpp"
#include "connectors/http/classify.hpp"

namespace kaution::aak {
namespace {

constexpr std::string_view k_camt_format = "camt.053.001.08";
constexpr int k_max_list_pages = 10000;  // a bank handing out `next` forever is a protocol error

// Drops ids up to and including `after`, should the bank repeat the statement the list is after.
void drop_through(std::vector<std::string>& ids, const std::optional<std::string>& after) {
  if (!after) return;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (ids[i] == *after) {
      ids.erase(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(i) + 1);
      return;
    }
  }
}

}  // namespace

Result<ImportPage> AakConnector::import_page(const ImportRequest& request) {
  if (request.directory == nullptr)
    throw std::invalid_argument("aak import_page: ImportRequest.directory is null");
  auto list = statements_after(request.cursor);
  if (!list) return std::unexpected(list.error());
  ImportPage page;
  page.cursor = request.cursor.value_or("");
  if (!list->ids.empty()) {
    if (auto added = add_statement(list->ids.front(), *request.directory, page); !added)
      return std::unexpected(added.error());
    page.cursor = list->ids.front();
    page.more = list->ids.size() > 1 || list->next.has_value();
  }
  if (!page.more) {
    if (auto added = add_balances(*request.directory, page); !added)
      return std::unexpected(added.error());
  }
  return page;
}

Result<StatementList> AakConnector::statements_after(const std::optional<std::string>& after) {
  httpclient::Request request = list_statements(after);
  for (int pages = 1;; ++pages) {
    const std::string what = m_client.describe(request);
    auto response = send(std::move(request));
    if (!response) return std::unexpected(static_cast<Failure>(response.error()));
    auto list = read_statement_list(what, response->body);
    if (!list) return list;
    drop_through(list->ids, after);
    if (!list->ids.empty() || !list->next) return list;
    if (pages == k_max_list_pages)
      return std::unexpected(httpclient::protocol_failure(what, "`next` does not end"));
    request = next_statements(*list->next);
  }
}

Result<void> AakConnector::add_statement(const std::string& id, const DepositDirectory& directory,
                                         ImportPage& page) {
  httpclient::Request request = get_statement(id);
  const std::string what = m_client.describe(request);
  auto response = send(std::move(request));
  if (!response) return std::unexpected(static_cast<Failure>(response.error()));
  auto document =
      connectors::parse_statement_answer(what, id, std::move(response->body), k_camt_format);
  if (!document) return std::unexpected(document.error());
  for (const formats::Statement& statement : document->statements) {
    auto bookings = statement_bookings(what, statement, directory);
    if (!bookings) return std::unexpected(bookings.error());
    std::move(bookings->begin(), bookings->end(), std::back_inserter(page.bookings));
    for (const std::string& warning : statement.warnings)
      page.warnings.push_back("statement " + id + ": " + warning);
  }
  return {};
}

Result<void> AakConnector::add_balances(const DepositDirectory& directory, ImportPage& page) {
  std::int64_t fetched = 0;
  std::int64_t unknown = 0;
  for (int number = 1;; ++number) {
    httpclient::Request request = get_balances(number);
    const std::string what = m_client.describe(request);
    auto response = send(std::move(request));
    if (!response) return std::unexpected(static_cast<Failure>(response.error()));
    auto balances = read_balance_page(what, response->body);
    if (!balances) return std::unexpected(balances.error());
    for (const BalanceItem& item : balances->items) {
      if (auto deposit = balance_deposit(item, directory))
        page.balances.push_back(BalanceRecord{std::move(*deposit), item.as_of, item.balance});
      else
        ++unknown;
    }
    fetched += static_cast<std::int64_t>(balances->items.size());
    if (balances->items.empty() || fetched >= balances->total) break;
  }
  if (unknown > 0)
    page.warnings.push_back(std::to_string(unknown) +
                            " balances belong to no deposit known to the daemon");
  return {};
}

}  // namespace kaution::aak
