extensions = ["sphinx_impress"]
# the second deck is built on its own, outside any toctree
suppress_warnings = ["toc.not_included"]
