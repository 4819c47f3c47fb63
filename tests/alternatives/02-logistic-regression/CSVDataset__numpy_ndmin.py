# Alternative: np.loadtxt (ndmin=2, float32), its ValueError re-raised with the file name
from pathlib import Path

import numpy as np
import torch
from torch.utils.data import Dataset


class CSVDataset(Dataset):
    """Examples from a CSV file of floats with no header; the label is the last column."""

    def __init__(self, path: str | Path) -> None:
        try:  # numpy's message gives the row counted from 1, but not the file
            xy = np.loadtxt(path, delimiter=",", dtype=np.float32, ndmin=2)
        except ValueError as error:
            raise ValueError(f"{path}: {error}") from error
        self.x_data = torch.from_numpy(xy[:, :-1])
        self.y_data = torch.from_numpy(xy[:, [-1]])

    def __len__(self) -> int:
        return self.y_data.shape[0]

    def __getitem__(self, index: int) -> tuple[torch.Tensor, torch.Tensor]:
        return self.x_data[index], self.y_data[index]
