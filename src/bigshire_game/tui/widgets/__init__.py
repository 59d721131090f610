"""Widgets shared by several screens; each shows state handed to it and owns none."""
