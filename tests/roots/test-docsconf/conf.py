# A docs project's settings that must not leak into its presentations.
extensions = ["sphinx_impress"]
templates_path = ["_templates"]
html_static_path = ["_static"]
html_style = "docs.css"
html_js_files = ["docs.js"]
impress_css_files = ["deck.css"]
impress_js_files = ["deck.js"]
