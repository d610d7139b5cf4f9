# Step backgrounds in every colour syntax and as gradients (index.md: each reads with
# the colour set chosen for it), and backgrounds text cannot read on (problems.md).
extensions = ["myst_parser", "sphinx_impress"]
impress_width = 1280
impress_height = 720
impress_slide_numbers = True
