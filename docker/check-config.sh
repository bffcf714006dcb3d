#!/usr/bin/env bash
# Starts the assembled gateway (distribution/target/backorder-gateway) on the example config the
# image ships (docker/config/gateway.yaml), with the placeholder secrets of docker/.env.example,
# and waits for /readyz: the config the container would run is one the gateway accepts. The
# image's /app paths are mapped to a temporary folder; ports are free ones. With no PostgreSQL
# server here, BACKORDER_STORAGE_URL points the config at a SQLite file instead (the PostgreSQL
# store itself is tested by the server's tests). Always stops the gateway and removes the folder.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dist="$here/../distribution/target/backorder-gateway"
[[ -f "$dist/backorder-server.jar" ]] || { echo "check-config.sh: build the distribution first" >&2; exit 1; }

app="$(mktemp -d)"
pid=""
cleanup() {
  if [[ -n "$pid" ]] && kill -0 "$pid" 2> /dev/null; then
    kill -TERM "$pid"
    wait "$pid" || true
  fi
  rm -rf "$app"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
grpc_port="$(free_port)"
http_port="$(free_port)"

mkdir -p "$app/config" "$app/data" "$app/templates"
cp -r "$dist/plugins" "$app/plugins"
sed "s#/app/#$app/#g" "$here/config/gateway.yaml" > "$app/config/gateway.yaml"
set -a
# shellcheck source=/dev/null
source "$here/.env.example"
set +a
export BACKORDER_STORAGE_URL="jdbc:sqlite:$app/data/backorder.db"

(cd "$app" && exec java -jar "$dist/backorder-server.jar" --config "$app/config/gateway.yaml" \
  --grpc-port "$grpc_port" --http-port "$http_port" > "$app/gateway.log" 2>&1) &
pid=$!
for _ in $(seq 1 300); do
  if curl -fsS "http://localhost:$http_port/readyz" > /dev/null 2>&1; then
    echo "check-config.sh: the example config starts the gateway and /readyz answers"
    exit 0
  fi
  if ! kill -0 "$pid" 2> /dev/null; then
    break
  fi
  sleep 0.2
done
echo "check-config.sh: the gateway did not become ready on docker/config/gateway.yaml:" >&2
tail -n 30 "$app/gateway.log" >&2
exit 1
