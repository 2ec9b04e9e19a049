#!/usr/bin/env bash
# Compile the Designer forms (forms/*.ui, at the repository root) into src/xmart/ui/generated/ui_*.py.
# The generated modules are committed and never edited by hand; tests/ui/test_forms.py fails when
# one is out of date or has no form. Run this after adding or editing a form in Qt Designer.
set -euo pipefail
cd "$(dirname "$0")/.."
UIC=${PYSIDE6_UIC:-pyside6-uic}
command -v "$UIC" >/dev/null 2>&1 || UIC=.venv/bin/pyside6-uic
for form in forms/*.ui; do
  name=$(basename "$form" .ui)
  "$UIC" --from-imports "$form" -o "src/xmart/ui/generated/ui_${name}.py"
done
