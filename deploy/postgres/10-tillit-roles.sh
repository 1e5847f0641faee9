#!/usr/bin/env bash
# The postgres image runs this on the cluster's first start (docker-entrypoint-initdb.d): Tillit's owner
# and runtime logins and its database, from tillit-roles.psql beside this file.
set -euo pipefail
: "${TILLIT_OWNER_PASSWORD:?set TILLIT_OWNER_PASSWORD}" "${TILLIT_RUNTIME_PASSWORD:?set TILLIT_RUNTIME_PASSWORD}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v owner_password="$TILLIT_OWNER_PASSWORD" -v runtime_password="$TILLIT_RUNTIME_PASSWORD" \
  -f "$(dirname "${BASH_SOURCE[0]}")/tillit-roles.psql"
