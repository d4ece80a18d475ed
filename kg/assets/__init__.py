"""Static files for the HTML view (kg.render): the page template."""
