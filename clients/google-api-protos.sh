#!/usr/bin/env bash
# Copies the google/api protos that proto/src/main/proto imports (annotations.proto, http.proto)
# out of the proto-google-common-protos jar the proto module resolves, into DEST/google/api/.
# The Python and Node clients need them to compile or load backorder.v1; they are not shipped
# with Debian's protoc. Same approach as proto/lint.sh.
#
# Usage: clients/google-api-protos.sh DEST
# Needs: the Maven wrapper at the repo root (the jar is in ~/.m2 after a build) and the JDK's jar tool.
set -euo pipefail

readonly COMMON_PROTOS="proto-google-common-protos"
dest="${1:?usage: $0 DEST}"
repo_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

classpath_file="$(mktemp)"
trap 'rm -f "$classpath_file"' EXIT
"$repo_dir/mvnw" -q -f "$repo_dir/pom.xml" -pl proto dependency:build-classpath \
  -DincludeArtifactIds="$COMMON_PROTOS" -Dmdep.outputFile="$classpath_file" >&2
jar="$(tr ':' '\n' < "$classpath_file" | grep "/$COMMON_PROTOS-[^/]*\.jar$" | head -n 1 || true)"
if [[ -z "$jar" || ! -f "$jar" ]]; then
  echo "google-api-protos.sh: $COMMON_PROTOS jar not found on the proto module's classpath" >&2
  exit 1
fi

mkdir -p "$dest"
(cd "$dest" && jar xf "$jar" google/api/annotations.proto google/api/http.proto)
for file in google/api/annotations.proto google/api/http.proto; do
  if [[ ! -f "$dest/$file" ]]; then
    echo "google-api-protos.sh: $file is not in $(basename "$jar")" >&2
    exit 1
  fi
done
echo "google-api-protos.sh: google/api protos from $(basename "$jar") in $dest" >&2
