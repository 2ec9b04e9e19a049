"""xmart: the main-office client for multi-store retailers.

The version is declared once, in pyproject.toml; read it from the package metadata
(`importlib.metadata.version("xmart")`, which `xmart --version` prints).
"""
