"""Data files of xmart, installed as the package `xmart.resources` (setup.py maps it to this folder).

fonts/ (embedded in every PDF; their licences beside them), icons/ (the application icon, SVG and PNGs
in the freedesktop sizes), guide.md (Help › User Guide). Read them with
`importlib.resources.files("xmart.resources")`, never with a path relative to the source tree.
"""
