extensions = ["myst_parser", "sphinx_impress"]
suppress_warnings = ["toc.not_included"]
