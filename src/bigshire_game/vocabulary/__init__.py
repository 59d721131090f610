"""The game's vocabulary: the kinds of things there are, the moves a role can make and the events
that tell what happened. It depends on nothing else in the package."""
