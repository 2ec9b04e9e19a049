"""Which packages the wheel holds, and where their files are (everything else: pyproject.toml).

The code is under `src/xmart`. The design card keeps two folders at the repository root, beside `src/`:
`resources/` (fonts, icons, the application icon, the user guide) and `forms/` (the Qt Designer sources).
They are installed as the packages `xmart.resources` and `xmart.forms`, so
`importlib.resources.files("xmart.resources")` finds them in an installed wheel, in an editable install
and in the PyInstaller bundle alike (tests/integration/test_packaging.py). pyproject.toml cannot add a
package from outside the `find` folder, hence this file.
"""

from setuptools import find_namespace_packages, find_packages, setup

DATA_PACKAGES = {"xmart.resources": "resources", "xmart.forms": "forms"}


def data_folders(package: str, folder: str) -> list[str]:
    """`package` and its folders whose names could be imported (fonts, icons, ...): setuptools wants
    every such folder that holds package data listed as a package of its own."""
    found = find_namespace_packages(folder, exclude=["*__pycache__*"])
    return [package, *(f"{package}.{sub}" for sub in found if all(p.isidentifier() for p in sub.split(".")))]


setup(
    packages=[
        *find_packages("src", include=["xmart", "xmart.*"]),
        *(name for package, folder in DATA_PACKAGES.items() for name in data_folders(package, folder)),
    ],
    package_dir={"": "src", **DATA_PACKAGES},
)
