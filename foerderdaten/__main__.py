"""``python -m foerderdaten`` runs the CLI."""

from foerderdaten.cli import app

app(prog_name="foerderdaten")
