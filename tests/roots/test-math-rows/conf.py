# Formulas of several rows and the smaller flaws of MathML Core, in MyST (index.md)
# and reST (rst.rst), each on its own slide.
extensions = ["myst_parser", "sphinx_impress"]
myst_enable_extensions = ["dollarmath", "amsmath"]
