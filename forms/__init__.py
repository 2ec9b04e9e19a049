"""Qt Designer sources of the client's windows, installed as the package `xmart.forms` (see setup.py).

scripts/compile_forms.sh compiles each `NAME.ui` into the committed module
`src/xmart/ui/generated/ui_NAME.py` (tests/ui/test_forms.py fails when one is out of date). The `.ui`
files ship too: Help › Keyboard Shortcuts reads the dialogs' mnemonics from them.
"""
