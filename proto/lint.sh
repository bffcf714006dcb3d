#!/usr/bin/env bash
# Runs `buf lint` on the backorder.v1 protos without reaching buf.build.
#
# buf.yaml names no remote deps. Instead, the google/api protos our files import
# (annotations.proto, http.proto, and whatever those import in turn) are copied
# out of the proto-google-common-protos jar that the proto module already
# depends on, into target/buf-deps/, which buf.yaml declares as a second module
# that is built but not linted. The well-known types (google/protobuf/*) ship
# with buf itself.
#
# Usage: proto/lint.sh [extra buf lint flags, e.g. --error-format=json]
# Needs: the Maven wrapper at the repo root, Node/npx, and the JDK's jar tool.
set -euo pipefail

readonly BUF_VERSION="1.75.0"
readonly COMMON_PROTOS="proto-google-common-protos"

proto_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(dirname "$proto_dir")"
src_dir="$proto_dir/src/main/proto"
deps_dir="$proto_dir/target/buf-deps"

# Ask Maven which common-protos jar the proto module resolves, so the version
# always matches the one protoc compiles against.
classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
"$repo_dir/mvnw" -q -f "$repo_dir/pom.xml" -pl proto \
  dependency:build-classpath \
  -DincludeArtifactIds="$COMMON_PROTOS" \
  -Dmdep.outputFile="$classpath_file" >&2
jar="$(tr ':' '\n' < "$classpath_file" | grep "/$COMMON_PROTOS-[^/]*\.jar$" | head -n 1 || true)"
if [[ -z "$jar" || ! -f "$jar" ]]; then
  echo "lint.sh: $COMMON_PROTOS jar not found on the proto module's classpath" >&2
  exit 1
fi
echo "lint.sh: google/api protos from $jar" >&2

# Prints the files imported by the given .proto files, one per line.
imports_of() {
  sed -nE 's/^[[:space:]]*import[[:space:]]+(public[[:space:]]+|weak[[:space:]]+)?"([^"]+)";.*/\2/p' "$@" | sort -u
}

rm -rf "$deps_dir"
mkdir -p "$deps_dir"

# Copy imports out of the jar until every import resolves: ours live in
# src/main/proto, the well-known types come with buf, the rest from the jar.
mapfile -d '' -t sources < <(find "$src_dir" -name '*.proto' -print0)
mapfile -t pending < <(imports_of "${sources[@]}")
while ((${#pending[@]} > 0)); do
  extracted=()
  for file in "${pending[@]}"; do
    if [[ "$file" == google/protobuf/* || -f "$src_dir/$file" || -f "$deps_dir/$file" ]]; then
      continue
    fi
    (cd "$deps_dir" && jar xf "$jar" "$file")
    if [[ ! -f "$deps_dir/$file" ]]; then
      echo "lint.sh: $file is imported but not in $(basename "$jar")" >&2
      exit 1
    fi
    extracted+=("$deps_dir/$file")
  done
  pending=()
  if ((${#extracted[@]} > 0)); then
    mapfile -t pending < <(imports_of "${extracted[@]}")
  fi
done

cd "$proto_dir"
exec npx --yes "@bufbuild/buf@$BUF_VERSION" lint "$@"
