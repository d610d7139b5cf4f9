extensions = ["myst_parser", "sphinx_impress"]
exclude_patterns = ["_build"]
