# shellcheck shell=bash
# Installs what the build needs, skipping whatever is already present at the right version.
# Sourced by scripts/serve and scripts/test; the versions are the ones known to work on these
# machines (see Trunk.toml and the README).

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
BINARYEN_VERSION=132.0.0
WASM_SPLIT_VERSION=0.2.4
# The nightly Rust the release wasm is built with (everything else builds with stable): the
# one these machines come with, named by its date and known by its commit. See build_split_wasm.
NIGHTLY=nightly-2026-05-20
NIGHTLY_COMMIT=e50aa6fba

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$HOME/.cargo/bin:$ROOT/tools/node_modules/.bin:$PATH"

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_rust() {
  if ! command -v cargo >/dev/null 2>&1; then
    echo "cargo is not on PATH: install Rust with rustup first (https://rustup.rs)." >&2
    exit 1
  fi
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "Installing trunk $TRUNK_VERSION (about 5 minutes, once)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi
}

ensure_wasm_bindgen() {
  # Not --locked: the CLI's lock file asks for a crate version the registry here lacks.
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] \
    || ! command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
    say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes, once)"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
}

ensure_wasm_opt() {
  # Debian's binaryen is too old for what current Rust emits; the npm package is current.
  if [ "$(wasm-opt --version 2>/dev/null | awk '{print $3}')" != "132" ] \
    && [ ! -x "$ROOT/tools/node_modules/.bin/wasm-opt" ]; then
    say "Installing wasm-opt (binaryen $BINARYEN_VERSION from npm)"
    mkdir -p "$ROOT/tools"
    (cd "$ROOT/tools" && npm install --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION" >/dev/null)
  fi
}

ensure_wasm_split() {
  # The tool prints no version of its own: cargo's list of what it installed says which.
  if ! command -v wasm-split-cli >/dev/null 2>&1 \
    || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    say "Installing wasm-split-cli $WASM_SPLIT_VERSION (it splits the wasm by screen; about 2 minutes, once)"
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary
  fi
}

ensure_build_tools() {
  ensure_rust
  ensure_trunk
  ensure_wasm_bindgen
  ensure_wasm_opt
  ensure_wasm_split
}

# Which nightly toolchain builds the release wasm: the machine's own `nightly` when it is the
# pinned one (no download), else the pinned one by date, installed with the standard library's
# source. Empty when neither can be had (offline, say): the release is then built with stable,
# whole and working, only larger.
nightly_toolchain() {
  local name
  for name in nightly "$NIGHTLY"; do
    if rustc "+$name" --version 2>/dev/null | grep -q "($NIGHTLY_COMMIT "; then
      if ! rustup component list --toolchain "$name" --installed 2>/dev/null | grep -q '^rust-src'; then
        say "Adding the standard library's source to $name (the release wasm builds its own)" >&2
        rustup component add rust-src --toolchain "$name" >&2 || continue
      fi
      echo "$name"
      return
    fi
  done
  say "Installing Rust $NIGHTLY (the release wasm is built with it; about 2 minutes, once)" >&2
  if rustup toolchain install "$NIGHTLY" --profile minimal --component rust-src >&2; then
    echo "$NIGHTLY"
  fi
}

# The release wasm, ready to be split: every screen but the forecast a split point, and the
# linker's relocations kept (the splitter reads them). scripts/size measures this same build.
#
# Built with nightly Rust so that the standard library is compiled with the app, for size
# (about a twelfth of the first visit's wasm): a panic stops the wasm at once instead of
# formatting a message nobody reads (the release already aborts on panic, and no user sees the
# console), and no panic carries its source file and line. The behaviour is the same; the
# tests run on this build.
build_split_wasm() {
  local toolchain
  toolchain=$(nightly_toolchain)
  if [ -n "$toolchain" ]; then
    (cd "$ROOT" && CARGO_TARGET_DIR="$ROOT/target/release-wasm" \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Clink-args=--emit-relocs -Zlocation-detail=none -Zunstable-options -Cpanic=immediate-abort" \
      cargo "+$toolchain" build --quiet --release --target wasm32-unknown-unknown \
      --bin adoption-forecast --features split -Zbuild-std=std,panic_abort)
  else
    echo "warning: $NIGHTLY is not available: building the release wasm with stable Rust (larger)" >&2
    (cd "$ROOT" && CARGO_TARGET_DIR="$ROOT/target/release-wasm" \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Clink-args=--emit-relocs" \
      cargo build --quiet --release --target wasm32-unknown-unknown --bin adoption-forecast --features split)
  fi
}

split_wasm_path() {
  echo "$ROOT/target/release-wasm/wasm32-unknown-unknown/release/adoption-forecast.wasm"
}

ensure_chromium() {
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    say "Installing Debian's chromium and chromium-driver"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

ensure_e2e_packages() {
  if [ ! -d "$ROOT/tests/e2e/node_modules/playwright-core" ] || [ ! -d "$ROOT/tests/e2e/node_modules/axe-core" ]; then
    say "Installing playwright-core (it drives Debian's chromium) and axe-core for the end-to-end tests"
    (cd "$ROOT/tests/e2e" && npm ci --no-audit --no-fund --silent >/dev/null)
  fi
}

build_release() {
  say "Building the release bundle into dist/"
  (cd "$ROOT" && trunk build --release)
}
