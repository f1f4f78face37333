"""The RDF vocabulary and the model: facts -> RDF quads, IRI minting. Imports core, resolve, extract, sources."""
