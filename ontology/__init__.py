"""The ontology, SHACL shapes and named queries, shipped inside the package as kg.ontology."""
