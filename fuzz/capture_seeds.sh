#!/usr/bin/env bash
# Captures the sandbox banks' answers as seeds for the bank answer fuzz targets:
# fuzz/seeds/{aak,km,dkb}/. Run from a build that has kautiond-sandbox; the files are committed,
# so fuzz/run.sh does not need the sandbox.
#   fuzz/capture_seeds.sh [BUILD_DIR]     default: build
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build}"
out="$root/fuzz/seeds"
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT

"$build/connectors/sandbox/kautiond-sandbox" --seed 3 --size 6 --today 2026-12-30 \
  --pki-dir "$work/pki" --aak-port 0 --km-port 0 --dkb-port 0 --port-file "$work/ports.json" \
  2>"$work/sandbox.log" &
pid=$!
for _ in $(seq 1 100); do [ -s "$work/ports.json" ] && break; sleep 0.1; done
port() { python3 -c "import json,sys; print(json.load(open('$work/ports.json'))['$1'])"; }
aak="https://127.0.0.1:$(port aak)"; km="https://127.0.0.1:$(port km)"; dkb="https://127.0.0.1:$(port dkb)"
ca=(--cacert "$work/pki/ca.pem" -s)
mtls=(--cert "$work/pki/dkb-client.pem" --key "$work/pki/dkb-client.key")
mkdir -p "$out/aak" "$out/km" "$out/dkb"
curl "${ca[@]}" -X POST "$aak/_control/advance" -d '{"days": 3}' >/dev/null

# aak: token, statement list, each statement (camt.053.001.08), balances, a refusal.
token=$(curl "${ca[@]}" -u sandbox-aak-client:sandbox-aak-secret -d grant_type=client_credentials \
  "$aak/oauth2/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
auth=(-H "Authorization: Bearer $token")
curl "${ca[@]}" "${auth[@]}" "$aak/v1/statements" > "$out/aak/statement-list.json"
for id in $(python3 -c 'import json,sys; [print(i["id"]) for i in json.load(open(sys.argv[1]))["items"][:3]]' "$out/aak/statement-list.json"); do
  curl "${ca[@]}" "${auth[@]}" "$aak/v1/statements/$id" > "$out/aak/statement-$id.xml"
done
curl "${ca[@]}" "${auth[@]}" "$aak/v1/balances?page=1&pageSize=100" > "$out/aak/balances.json"
curl "${ca[@]}" "${auth[@]}" "$aak/v1/interest-distributions?year=2026" > "$out/aak/interest.json"
curl "${ca[@]}" "${auth[@]}" -X PUT -H 'Content-Type: application/json' -d '{"contractNumber": ""}' \
  "$aak/v1/deposits/1.080000.1000" > "$out/aak/refusal-422.json"

# dkb: token over mTLS, the bulk statement (camt.053.001.02), balances, unassigned, a refusal.
token=$(curl "${ca[@]}" "${mtls[@]}" -d "grant_type=client_credentials&client_id=sandbox-dkb-client&client_secret=sandbox-dkb-secret" \
  "$dkb/oauth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
auth=(-H "Authorization: Bearer $token")
ibans="DE45120300001234567890"
curl "${ca[@]}" "${mtls[@]}" "${auth[@]}" "$dkb/kaution/v1/statements?ibans=$ibans" > "$out/dkb/statements.xml"
curl "${ca[@]}" "${mtls[@]}" "${auth[@]}" "$dkb/kaution/v1/balances?ibans=$ibans" > "$out/dkb/balances.json"
curl "${ca[@]}" "${mtls[@]}" "${auth[@]}" "$dkb/kaution/v1/unassigned?ibans=$ibans" > "$out/dkb/unassigned.json"
curl "${ca[@]}" "${mtls[@]}" "${auth[@]}" -X PUT -H 'Content-Type: application/json' -d '{}' \
  "$dkb/kaution/v1/tenancies/3.080000.1000" > "$out/dkb/refusal-422.json"

# km: SOAP calls with the sandbox's UsernameToken.
soap() {  # operation, inner XML of km:{operation}
  curl "${ca[@]}" -H 'Content-Type: text/xml; charset=utf-8' \
    -H "SOAPAction: \"urn:km-modul:kaution:v1#$1\"" --data-binary @- "$km/ws" <<XML
<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd" xmlns:km="urn:km-modul:kaution:v1"><soap:Header><wsse:Security soap:mustUnderstand="1"><wsse:UsernameToken><wsse:Username>sandbox-km-user</wsse:Username><wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">${3:-sandbox-km-secret}</wsse:Password></wsse:UsernameToken></wsse:Security></soap:Header><soap:Body><km:$1>$2</km:$1></soap:Body></soap:Envelope>
XML
}
soap UmsaetzeAbrufen "" > "$out/km/umsaetze.xml"
soap SaldenAbrufen "<km:Stichtag>2026-12-30</km:Stichtag>" > "$out/km/salden.xml"
soap ZinsverteilungenAbrufen "<km:Jahr>2026</km:Jahr>" > "$out/km/zinsverteilungen.xml"
soap VertragSchliessen "<km:Vertragsnummer>2.080000.1000</km:Vertragsnummer>" > "$out/km/schliessen-fehler.xml"
soap UmsaetzeAbrufen "" wrong-password > "$out/km/failed-authentication.xml"
soap VertraegeUebertragen "<km:Vertrag><km:Vertragsnummer>2.080000.1000</km:Vertragsnummer></km:Vertrag>" \
  > "$out/km/uebertragen-fehler.xml"
ls -l "$out"/*
