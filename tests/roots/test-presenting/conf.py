extensions = ["myst_parser", "sphinx_impress"]
exclude_patterns = ["_build"]
impress_width = 1000
impress_height = 700
impress_slide_numbers = True
impress_autoplay = 0
