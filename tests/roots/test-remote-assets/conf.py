extensions = ["myst_parser", "sphinx_impress"]


def setup(app):
    # an extension's assets given by protocol-relative and full addresses
    app.add_css_file("//cdn.example/ext.css")
    app.add_js_file("https://cdn.example/ext.js")
