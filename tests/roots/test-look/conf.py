extensions = ["myst_parser", "sphinx_impress"]
exclude_patterns = ["_build"]
impress_width = 1280
impress_height = 720
impress_fit_min = 0.1
