extensions = ["myst_parser", "sphinx_impress"]
exclude_patterns = ["_build"]
impress_width = 1280
impress_height = 720
