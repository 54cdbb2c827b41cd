#pragma once

#include <QLoggingCategory>

// One logging category per area. None of them ever receives a token, code, verifier, secret,
// password or Authorization header value: log names and sizes, never values.
Q_DECLARE_LOGGING_CATEGORY(lcNet)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcSandbox)
Q_DECLARE_LOGGING_CATEGORY(lcScript)
