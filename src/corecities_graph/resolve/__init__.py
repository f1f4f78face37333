"""Reference data and name folding: mentions -> canonical entities. Imports only the core (errors)."""
