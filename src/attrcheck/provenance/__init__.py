"""Stage `provenance`: the newsroom's rights register and remote sources (issues 5 and 8)."""
