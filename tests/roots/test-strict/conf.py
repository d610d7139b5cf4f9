extensions = ["myst_parser", "sphinx_impress"]
exclude_patterns = ["_build"]
impress_width = 1280
impress_height = 720
html_static_path = ["_static"]
# A self-hosted MathJax stands here for the real one: MathJax from its network
# address is refused by default-src 'self' (and is not what this deck tests).
mathjax_path = "mathjax-local.js"
