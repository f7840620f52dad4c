#!/usr/bin/env bash
# Installs rekindle under PREFIX (default /usr/local): the release binary (static Swift runtime),
# its man page and shell completions for bash, zsh and fish.
#
#   Scripts/install.sh [PREFIX]
#
#   PREFIX/bin/rekindle
#   PREFIX/share/man/man1/rekindle.1
#   PREFIX/share/bash-completion/completions/rekindle
#   PREFIX/share/zsh/site-functions/_rekindle
#   PREFIX/share/fish/vendor_completions.d/rekindle.fish
#
# The man page and the completions are generated from the command's own argument definitions.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:-/usr/local}

swift build -c release --static-swift-stdlib
binary="$(swift build -c release --static-swift-stdlib --show-bin-path)/rekindle"

install -d -m 755 "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
  "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -m 755 "$binary" "$prefix/bin/rekindle"
"$binary" --generate-manual-page >"$prefix/share/man/man1/rekindle.1"
"$binary" --generate-completion-script bash >"$prefix/share/bash-completion/completions/rekindle"
"$binary" --generate-completion-script zsh >"$prefix/share/zsh/site-functions/_rekindle"
"$binary" --generate-completion-script fish >"$prefix/share/fish/vendor_completions.d/rekindle.fish"
echo "installed rekindle in $prefix/bin (man page in $prefix/share/man/man1; completions for bash, zsh and fish)"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "note: $prefix/bin is not on your PATH; add it, e.g. export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
