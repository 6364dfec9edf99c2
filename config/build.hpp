#pragma once
// From the walked document to the typed Config, and the checks that span several keys.

#include "config/build_context.hpp"
#include "config/config.hpp"
#include "config/object_reader.hpp"

namespace kaution::config_detail {

// The typed config of a document walk_object() normalized against the root table. Secrets are
// resolved here; keys the walker rejected keep the struct's defaults.
Config build_config(const Json& document, BuildContext& ctx);

// One access (build_access.cpp), with its km and dkb blocks; reports a block that does not
// belong to the access's connector.
AccessConfig build_access(const ObjectReader& reader);

// Checks across keys on the built config: unique names and tokens, backoff cap ≥ base, connect
// ≤ total timeout, certificate and key given together, the TCP listener's TLS or loopback.
// A part that already has an error is not checked again.
void check_config(const Config& config, ErrorList& errors);

}  // namespace kaution::config_detail
