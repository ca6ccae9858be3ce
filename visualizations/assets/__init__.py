"""Front-end assets inlined into the HTML views, so that they work with no network."""
