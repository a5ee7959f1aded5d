"""Stage `report`: one module per output format, all built from the same plain records (issue 7)."""
