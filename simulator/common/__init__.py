"""The simulator's shared machinery: router, flows, views, sessions, captcha, SMS, test control."""
