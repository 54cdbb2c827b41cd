#pragma once

#include <QString>
#include <QUrl>

namespace Postern {

class Workspace;

// The workspace's "Sandbox" environment (id "sandbox"), kept pointing at the built-in sandbox instance:
// {{instance}} is set to its base URL at every start (first in the list), and {{user}} and
// {{password}} ("admin") are added when missing; every other variable and edit is kept.
class SandboxEnvironment
{
public:
    static QString id() { return QStringLiteral("sandbox"); }

    // Creates or updates the environment in workspace; an error for people, empty on success.
    static QString apply(Workspace *workspace, const QUrl &base);
    // What the status bar says once the sandbox answers at base.
    static QString statusText(const QUrl &base);
};

} // namespace Postern
