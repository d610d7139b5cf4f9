extensions = ["myst_parser", "sphinx_impress"]
