#!/bin/sh
# Put Pinshang Counter in this user's application menu (from the unpacked tarball).
# Removing it: delete ~/.local/share/applications/pinshang-counter.desktop and the icon below.
# The store's data (~/.local/share/PinshangCounter) is never touched by this script.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/512x512/apps"
mkdir -p "$apps" "$icons"
cp "$here/pinshang-counter.png" "$icons/pinshang-counter.png"
sed "s|^Exec=.*|Exec=$here/pinshang/pinshang|" "$here/pinshang-counter.desktop" > "$apps/pinshang-counter.desktop"
echo "Pinshang Counter is in the application menu ($apps/pinshang-counter.desktop)"
