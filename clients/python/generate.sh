#!/usr/bin/env bash
# Generates the Python modules for backorder.v1 (messages and gRPC stubs) into generated/.
# Uses Debian's protoc and grpc_python_plugin, so the code matches Debian's python3-protobuf
# and python3-grpcio (apt-get install protobuf-compiler protobuf-compiler-grpc libprotobuf-dev
# python3-protobuf python3-grpcio). google/api/{annotations,http}.proto come from the
# proto-google-common-protos jar and are generated too, since no Debian package ships them.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
protos="$repo/proto/src/main/proto"
deps="$here/build/proto-deps"
out="$here/generated"

for tool in protoc grpc_python_plugin; do
  command -v "$tool" > /dev/null || { echo "generate.sh: $tool not found; see the comment at the top" >&2; exit 1; }
done
"$repo/clients/google-api-protos.sh" "$deps"

rm -rf "$out"
mkdir -p "$out"
# /usr/include holds the well-known types (google/protobuf/*.proto) from libprotobuf-dev.
protoc -I "$protos" -I "$deps" -I /usr/include \
  --python_out="$out" --grpc_python_out="$out" \
  --plugin=protoc-gen-grpc_python="$(command -v grpc_python_plugin)" \
  "$protos"/backorder/v1/*.proto "$deps"/google/api/annotations.proto "$deps"/google/api/http.proto
echo "generate.sh: Python modules for backorder.v1 in $out" >&2
