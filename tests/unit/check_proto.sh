#!/usr/bin/env bash
# Checks proto/aandeslag.proto with Google's protoc (descriptor set, C++) and protoc-c (C).
#
#   check_proto.sh PATH/TO/aandeslag.proto
#
# Exits 0 when every compiler accepts the schema, 1 when one refuses it,
# and 77 (meson's skip code) when protoc is not installed.
set -eu

if [ $# -ne 1 ]; then
  echo "usage: $0 PATH/TO/aandeslag.proto" >&2
  exit 1
fi
proto=$1
if [ ! -f "$proto" ]; then
  echo "check_proto: no such file: $proto" >&2
  exit 1
fi
if ! command -v protoc >/dev/null 2>&1; then
  echo "check_proto: SKIP: protoc (Google's reference compiler) is not installed"
  exit 77
fi
if ! command -v protoc-c >/dev/null 2>&1; then
  echo "check_proto: protoc-c is not installed, but the build needs it" >&2
  exit 1
fi

dir=$(cd "$(dirname "$proto")" && pwd)
file=$(basename "$proto")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/check_proto.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

failed=0
# Warnings are errors where protoc can make them so (3.20 and later).
strict=()
if protoc --help 2>&1 | grep -q -- --fatal_warnings; then
  strict=(--fatal_warnings)
fi

# check DESCRIPTION COMMAND...: runs the command and reports the result.
check() {
  local what=$1
  shift
  echo "check_proto: $what"
  if "$@"; then
    echo "check_proto: ok: $what"
  else
    echo "check_proto: FAILED: $what" >&2
    failed=1
  fi
}

echo "check_proto: $(protoc --version), $(protoc-c --version 2>&1 | head -n 1)"
mkdir "$tmp/cpp" "$tmp/c"
check "protoc accepts $file and writes a descriptor set" \
  protoc ${strict[@]+"${strict[@]}"} --proto_path="$dir" \
    --descriptor_set_out="$tmp/aandeslag.desc" "$dir/$file"
check "protoc generates C++ code from $file" \
  protoc ${strict[@]+"${strict[@]}"} --proto_path="$dir" --cpp_out="$tmp/cpp" \
    "$dir/$file"
check "protoc-c generates C code from $file" \
  protoc-c --proto_path="$dir" --c_out="$tmp/c" "$dir/$file"

base=${file%.proto}
for out in "$tmp/aandeslag.desc" "$tmp/cpp/$base.pb.cc" "$tmp/cpp/$base.pb.h" \
           "$tmp/c/$base.pb-c.c" "$tmp/c/$base.pb-c.h"; do
  if [ ! -s "$out" ]; then
    echo "check_proto: FAILED: ${out#"$tmp"/} was not written" >&2
    failed=1
  fi
done

if [ "$failed" -ne 0 ]; then
  echo "check_proto: $file FAILED"
  exit 1
fi
echo "check_proto: $file ok"
exit 0
