"""PDF -> raw records with provenance (page, bbox). No normalisation here."""
