"""The natural-person platform: the WEB real-name registration and the 个人所得税APP."""
