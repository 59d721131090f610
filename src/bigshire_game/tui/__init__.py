"""The hot-seat terminal game (Textual): a thin layer over `bigshire_game.session`.

Screens show state and send moves; refusals come from the engine. Textual is
imported only by `app.py` and the screens, and only when `bigshire play` runs:
the modules `present`, `clock`, `seating` and `timeline` are plain Python and
hold the words and arithmetic of display, never a rule of the game.
"""
