# Alternative: lazy: __init__ records where each line starts; __getitem__ reads and parses one
from pathlib import Path

import torch
from torch.utils.data import Dataset


class CSVDataset(Dataset):
    """Examples from a CSV file of floats with no header; the label is the last column."""

    def __init__(self, path: str | Path) -> None:
        self.path = path
        self.offsets = []
        with open(path, "rb") as file:  # FileNotFoundError names the file
            while line := file.readline():
                self.offsets.append(file.tell() - len(line))
            if not self.offsets:
                raise ValueError(f"{path} has no rows")
            file.seek(0)
            self.width = len(file.readline().split(b","))

    def __len__(self) -> int:
        return len(self.offsets)

    def __getitem__(self, index: int) -> tuple[torch.Tensor, torch.Tensor]:
        with open(self.path, "rb") as file:
            file.seek(self.offsets[index])
            values = file.readline().decode().strip().split(",")
        if len(values) != self.width:
            raise ValueError(f"{self.path}, line {index + 1}: {len(values)} values, "
                             f"expected {self.width}")
        row = torch.tensor([float(v) for v in values], dtype=torch.float32)
        return row[:-1], row[-1:]
