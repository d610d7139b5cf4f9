extensions = ["myst_parser", "sphinx_impress"]
impress_decks = ["slides/*"]
