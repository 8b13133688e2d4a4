#!/usr/bin/env bash
# Vendors the web viewer's JS libraries into the package: fetched from the npm registry with
# `npm pack` (no install scripts run), the minified build and its licence copied into
# src/newsgraph/web/static/vendor/. The viewer never loads anything from a CDN.
# Pinned versions live here; bump one, rerun, review the diff, update PROVENANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."

CYTOSCAPE_VERSION=3.33.1
DEST=src/newsgraph/web/static/vendor

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

( cd "$work" && npm pack --silent "cytoscape@${CYTOSCAPE_VERSION}" >/dev/null && tar xzf "cytoscape-${CYTOSCAPE_VERSION}.tgz" )
mkdir -p "$DEST"
cp "$work/package/dist/cytoscape.min.js" "$DEST/cytoscape.min.js"
cp "$work/package/LICENSE" "$DEST/cytoscape.LICENSE"

cat > "$DEST/PROVENANCE.md" <<NOTE
# Vendored front-end libraries

Written by \`scripts/vendor_js.sh\` (\`make vendor-js\`); do not edit by hand.

| file | package | version | from | licence |
|---|---|---|---|---|
| cytoscape.min.js | cytoscape | ${CYTOSCAPE_VERSION} | npm registry, \`npm pack cytoscape@${CYTOSCAPE_VERSION}\`, dist/cytoscape.min.js | MIT (cytoscape.LICENSE) |

sha256:
\`\`\`
$(cd "$DEST" && sha256sum cytoscape.min.js)
\`\`\`
NOTE
echo "vendored cytoscape ${CYTOSCAPE_VERSION} into ${DEST}"
