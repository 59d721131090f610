"""Bigshire: a hot-seat simulation of a year in a reformed English health system."""

__version__ = "0.1.0"
