extensions = ["sphinx_impress"]
# the extra decks are built on their own, outside any toctree
suppress_warnings = ["toc.not_included"]
