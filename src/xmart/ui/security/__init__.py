"""The client's Security module (DOMAIN.md section 9): lock screen, Users and Roles, audit viewer,
card reveal. Sign-in state lives in `xmart.ui.session` (one `Session` per application context)."""
