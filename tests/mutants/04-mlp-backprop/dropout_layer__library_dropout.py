# Mistake: calls the library's dropout (nn.functional.dropout) instead of writing it.
# Expect: uses the library's own version
def dropout_layer(X, p):
    """Inverted dropout."""
    return nn.functional.dropout(X, p, training=True)
