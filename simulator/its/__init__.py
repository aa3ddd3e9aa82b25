"""The ITS withholding client (扣缴客户端): real-name and QR login, unit verification, 申报密码."""
