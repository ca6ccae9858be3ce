"""Interactive HTML graph views (pyvis), offline."""
