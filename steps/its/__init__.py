"""Steps of the ITS withholding client (扣缴客户端): login, QR login, unit verification."""
