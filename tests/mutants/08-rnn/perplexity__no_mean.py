# Mistake: exponentiates the total loss without dividing by the number of tokens.
# Expect: math.exp(total_loss / num_tokens)
def perplexity(total_loss, num_tokens):
    """exp(total_loss / num_tokens)."""
    return math.exp(total_loss)
