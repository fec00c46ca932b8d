# Shared by scripts/demo and scripts/test: create .venv and install marsad into it.
# Re-installs only when pyproject.toml changed since the last install.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv"
extras="${MARSAD_EXTRAS:-}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
stamp="$venv/.marsad-installed"
want="$(sha1sum "$root/pyproject.toml" | cut -c1-40)$extras"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  "$venv/bin/python" -m pip install -q --upgrade pip
  if [ -n "$extras" ]; then
    "$venv/bin/python" -m pip install -q -e "$root[$extras]"
  else
    "$venv/bin/python" -m pip install -q -e "$root"
  fi
  echo "$want" > "$stamp"
fi
