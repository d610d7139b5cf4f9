extensions = ["myst_parser", "sphinx_impress"]
impress_width = 1000
impress_height = 700
impress_help = False
