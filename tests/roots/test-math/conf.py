# A deck of 30 formulas of many kinds, shown offline as MathML (impress_math's default).
extensions = ["myst_parser", "sphinx_impress"]
myst_enable_extensions = ["dollarmath", "amsmath"]
