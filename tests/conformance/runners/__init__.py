"""Conformance runners: one module per host. Each turns a neutral fixture description into that host's
build, runs it and returns the files it made. A new host joins the suite by adding a module here and
its name to RUNNERS in conformance.py."""
