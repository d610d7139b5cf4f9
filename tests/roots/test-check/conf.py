extensions = ["myst_parser", "sphinx_impress"]
exclude_patterns = ["_build"]
impress_width = 1000
impress_height = 600
# raw HTML on the slides loads from the network and a missing file on purpose: the
# check reports them
suppress_warnings = ["impress.offline", "impress.file", "toc.not_included"]
