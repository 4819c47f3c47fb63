# Alternative: torch.exp of a float64 tensor, turned into a Python float with .item()
import torch


def perplexity(total_loss, num_tokens):
    """exp(total_loss / num_tokens)."""
    mean = torch.tensor(total_loss, dtype=torch.float64) / num_tokens
    return torch.exp(mean).item()
