extensions = ["myst_parser", "sphinx_impress"]
exclude_patterns = ["_build"]
impress_width = 1000
impress_height = 600
# raw HTML on the slides loads from the network on purpose: the check reports it
suppress_warnings = ["impress.offline", "toc.not_included"]
