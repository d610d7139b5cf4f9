extensions = ["myst_parser", "sphinx_impress"]
impress_layout = "line"
