#include "daemon/api/routes.hpp"

namespace kaution::api {

http::Router make_router(ApiContext& context) {
  http::Router router;
  add_deposit_write_routes(router, context);
  add_batch_routes(router, context);
  add_deposit_read_routes(router, context);
  add_deposit_list_routes(router, context);
  add_status_routes(router, context);
  add_operation_routes(router, context);
  add_booking_routes(router, context);
  add_reconciliation_routes(router, context);
  return router;
}

}  // namespace kaution::api
