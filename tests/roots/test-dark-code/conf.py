extensions = ["myst_parser", "sphinx_impress"]
# a dark Pygments style: its background must show behind the code
pygments_style = "monokai"
