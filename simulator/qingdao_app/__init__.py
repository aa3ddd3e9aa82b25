"""The 青岛税务APP (手机税税通), simulated: sign-in, 企业业务 / 个人业务, 扫一扫 of the web's codes, 扫脸认证."""
