# filled in by the token storage work
