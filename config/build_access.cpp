#include "config/build.hpp"

namespace kaution::config_detail {
namespace {

TlsConfig build_tls(const ObjectReader& reader) {
  TlsConfig tls;
  reader.read("verify", tls.verify);
  reader.read_path("ca_file", tls.ca_file);
  reader.read_path("client_cert", tls.client_cert);
  reader.read_path("client_key", tls.client_key);
  reader.read("pinned_public_key", tls.pinned_public_key);
  return tls;
}

TimeoutsConfig build_timeouts(const ObjectReader& reader) {
  TimeoutsConfig timeouts;
  reader.read("connect_ms", timeouts.connect_ms);
  reader.read("total_ms", timeouts.total_ms);
  reader.read("low_speed_limit_bytes", timeouts.low_speed_limit_bytes);
  reader.read("low_speed_time_s", timeouts.low_speed_time_s);
  return timeouts;
}

LimitsConfig build_limits(const ObjectReader& reader) {
  LimitsConfig limits;
  reader.read("max_in_flight", limits.max_in_flight);
  reader.read("requests_per_second", limits.requests_per_second);
  return limits;
}

// A trust account whose three values passed the walker; nullopt otherwise (reported there).
std::optional<TrustAccount> build_trust_account(const Json& entry) {
  if (!entry.is_object() || !entry.contains("iban") || !entry.contains("interest_rate") ||
      !entry.contains("valid_from")) {
    return std::nullopt;
  }
  auto iban = Iban::parse(entry.at("iban").get<std::string>());
  auto valid_from = Date::parse(entry.at("valid_from").get<std::string>());
  if (!iban || !valid_from) return std::nullopt;
  return TrustAccount{*iban, entry.at("interest_rate").get<std::string>(), *valid_from};
}

KmConfig build_km(const ObjectReader& reader) {
  KmConfig km;
  if (const Json* list = reader.find("trust_accounts")) {
    for (const Json& entry : *list) {
      if (auto account = build_trust_account(entry)) km.trust_accounts.push_back(*account);
    }
  }
  return km;
}

DkbConfig build_dkb(const ObjectReader& reader) {
  DkbConfig dkb;
  if (const Json* list = reader.find("collective_ibans")) {
    for (const Json& entry : *list) {
      if (!entry.is_string()) continue;
      if (auto iban = Iban::parse(entry.get<std::string>())) dkb.collective_ibans.push_back(*iban);
    }
  }
  reader.read("portal_url", dkb.portal_url);
  return dkb;
}

// A km or dkb block on an access of another connector.
void check_block_connector(const ObjectReader& reader, std::string_view block, ConnectorKind owner,
                           std::optional<ConnectorKind> connector) {
  if (!connector || *connector == owner || reader.find(block) == nullptr) return;
  reader.context().errors.add(reader.pointer_of(block), "only allowed on a " +
                                                            std::string(to_string(owner)) +
                                                            " access; this access's connector is " +
                                                            std::string(to_string(*connector)));
}

}  // namespace

AccessConfig build_access(const ObjectReader& reader) {
  AccessConfig access;
  reader.read("name", access.name);
  std::optional<ConnectorKind> connector;
  if (reader.read_enum("connector", k_connector_kind_names, access.connector)) {
    connector = access.connector;
  }
  reader.read("active", access.active);
  reader.read("base_url", access.base_url);
  reader.read("username", access.username);
  reader.read_secret("password", access.password);
  if (auto tls = reader.child("tls")) access.tls = build_tls(*tls);
  if (auto timeouts = reader.child("timeouts")) access.timeouts = build_timeouts(*timeouts);
  if (auto limits = reader.child("limits")) access.limits = build_limits(*limits);
  if (auto km = reader.child("km")) access.km = build_km(*km);
  if (auto dkb = reader.child("dkb")) access.dkb = build_dkb(*dkb);
  check_block_connector(reader, "km", ConnectorKind::km, connector);
  check_block_connector(reader, "dkb", ConnectorKind::dkb, connector);
  return access;
}

}  // namespace kaution::config_detail
