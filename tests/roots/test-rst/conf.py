extensions = ["sphinx_impress"]
