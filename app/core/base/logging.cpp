#include "base/logging.h"

Q_LOGGING_CATEGORY(lcNet, "postern.net", QtWarningMsg)
Q_LOGGING_CATEGORY(lcAuth, "postern.auth", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStore, "postern.store", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSandbox, "postern.sandbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcScript, "postern.script", QtWarningMsg)
