"""The report, the interactive view, the class diagram, their templates. Imports network and below."""
