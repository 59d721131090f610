"""Who can sit at the table besides the organisations' own seats."""

FACILITATOR = "facilitator"  # the seat and actor of the person running the day
