#!/usr/bin/env bash
# Refreshes tests/data/discord-api-spec/ from Discord's published OpenAPI
# spec (https://github.com/discord/discord-api-spec, MIT): the stand-in
# Discord checks every REST call the bot makes against it.
#
#   scripts/update_discord_spec.sh [CHECKOUT]
#
# CHECKOUT is a clone of discord/discord-api-spec (default: a fresh shallow
# clone). Records the commit it came from in SOURCE.
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/data/discord-api-spec
src=${1:-}
if [ -z "$src" ]; then
  src=$(mktemp -d)
  trap 'rm -rf "$src"' EXIT
  git clone -q --depth 1 https://github.com/discord/discord-api-spec "$src"
fi
git -C "$src" show HEAD:specs/openapi.json > "$out/openapi.json"
git -C "$src" show HEAD:LICENSE > "$out/LICENSE"
printf 'discord/discord-api-spec %s (%s), specs/openapi.json\n' \
  "$(git -C "$src" rev-parse HEAD)" "$(git -C "$src" log -1 --format=%cs)" > "$out/SOURCE"
cat "$out/SOURCE"
