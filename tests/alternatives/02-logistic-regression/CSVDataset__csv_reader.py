# Alternative: the csv module (reader.line_num for the line); the examples kept as a list of pairs
import csv
from pathlib import Path

import torch
from torch.utils.data import Dataset


class CSVDataset(Dataset):
    """Examples from a CSV file of floats with no header; the label is the last column."""

    def __init__(self, path: str | Path) -> None:
        self.examples = []
        with open(path, newline="") as file:
            reader = csv.reader(file)
            for values in reader:
                if self.examples and len(values) != self.examples[0][0].numel() + 1:
                    raise ValueError(f"line {reader.line_num} of {path} has {len(values)} "
                                     "values, unlike the lines before it")
                row = torch.tensor([float(v) for v in values])
                self.examples.append((row[:-1], row[-1:]))

    def __len__(self) -> int:
        return len(self.examples)

    def __getitem__(self, index: int) -> tuple[torch.Tensor, torch.Tensor]:
        return self.examples[index]
