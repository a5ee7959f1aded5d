"""Stage `checks`: one module per check, pure functions of a FigureCase (issue 6)."""
