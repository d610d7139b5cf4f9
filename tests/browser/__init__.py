"""Browser tests: the example deck built with the impress builder, run in headless Chromium.

This folder is a package so that its module names (``browser.test_example``) cannot
clash with test modules of the same name elsewhere under ``tests/``.
"""
