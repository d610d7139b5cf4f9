extensions = ["sphinx_impress"]
impress_decks = "slides/*"  # a string, not a list
