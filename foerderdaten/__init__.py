"""foerderdaten: Saxon skilled-worker funding PDFs as validated, citable open data.

Data flows one way: extract -> normalize -> validate -> publish.
"""

__version__ = "0.1.0"
